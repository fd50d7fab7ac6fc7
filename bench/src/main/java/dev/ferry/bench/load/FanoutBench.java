package dev.ferry.bench.load;

final class FanoutBench {
    private final Ctx ctx;

    FanoutBench(Ctx ctx) {
        this.ctx = ctx;
    }

    void run() throws Exception {
    }
}
