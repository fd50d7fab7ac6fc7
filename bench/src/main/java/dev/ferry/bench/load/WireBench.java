package dev.ferry.bench.load;

final class WireBench {
    private final Ctx ctx;

    WireBench(Ctx ctx) {
        this.ctx = ctx;
    }

    void run() throws Exception {
    }
}
