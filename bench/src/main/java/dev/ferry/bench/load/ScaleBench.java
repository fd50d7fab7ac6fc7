package dev.ferry.bench.load;

final class ScaleBench {
    private final Ctx ctx;

    ScaleBench(Ctx ctx) {
        this.ctx = ctx;
    }

    void run() throws Exception {
    }
}
