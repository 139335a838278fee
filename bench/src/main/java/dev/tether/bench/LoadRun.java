package dev.tether.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Runs one scenario: its clients for the warm-up and the measured window, with a progress line per second. */
final class LoadRun {
    private enum Phase { WARMUP, MEASURE, STOP }

    /** One client's measured window, written by its thread only and read after it stopped. */
    private static final class ClientRecord {
        final LatencyHistogram latencies = new LatencyHistogram();
        long longestWait;
    }

    private final Scenario scenario;
    private final Options options;
    private final Target target;
    private final ServerSampler sampler;
    private final boolean showProgress;
    private final LongAdder completed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final List<ClientRecord> records = new ArrayList<>();
    private volatile Phase phase = Phase.WARMUP;

    LoadRun(Scenario scenario, Options options, Target target, ServerSampler sampler, boolean showProgress) {
        this.scenario = scenario;
        this.showProgress = showProgress;
        this.options = options;
        this.target = target;
        this.sampler = sampler;
    }

    ModeResult run() throws SQLException, InterruptedException {
        sampler.track();
        long measureStart;
        long measureEnd;
        long connects;
        try (Workload workload = Workload.of(scenario, target, options);
             ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(
                     Thread.ofPlatform().daemon().name("progress").factory())) {
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < options.clients(); i++) {
                ClientRecord record = new ClientRecord();
                records.add(record);
                clients.add(workload.threads().newThread(() -> serve(workload, record)));
            }
            long start = System.nanoTime();
            if (showProgress) {
                progress.scheduleAtFixedRate(new Progress(start), 1, 1, TimeUnit.SECONDS);
            }
            clients.forEach(Thread::start);
            Thread.sleep(options.warmup());
            measureStart = System.nanoTime();
            phase = Phase.MEASURE;
            Thread.sleep(options.duration());
            phase = Phase.STOP;
            measureEnd = System.nanoTime();
            long joinDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (Thread client : clients) {
                long left = joinDeadline - System.nanoTime();
                if (left <= 0 || !client.join(Duration.ofNanos(left))) {
                    throw new IllegalStateException(scenario.label() + ": client " + client.getName()
                            + " did not stop within 60 s of the end of the run; it is stuck in a request");
                }
            }
            progress.shutdownNow();
            connects = workload.connects();
        }
        LatencyHistogram all = new LatencyHistogram();
        records.forEach(r -> all.add(r.latencies));
        long longestWait = records.stream().mapToLong(r -> r.longestWait).max().orElse(0);
        ModeResult.Latency latency = new ModeResult.Latency(all.percentile(0.50) / 1e3, all.percentile(0.99) / 1e3,
                all.percentile(0.999) / 1e3, all.max() / 1e3, longestWait / 1e3);
        Fairness fairness = Fairness.of(records.stream().mapToLong(r -> r.latencies.count()).toArray());
        List<ServerSampler.Sample> samples = sampler.current();
        int peak = samples.stream().mapToInt(ServerSampler.Sample::connections).max().orElse(-1);
        return new ModeResult(scenario, options.clients(), scenario.mode().capped() ? options.cap() : options.clients(),
                all.count(), (measureEnd - measureStart) / 1e9, latency, fairness, connects, peak, errors.sum(),
                firstError.get(), samples);
    }

    /** One client: requests back to back until the run stops; only the measured window's latencies are kept. */
    private void serve(Workload workload, ClientRecord record) {
        try (Workload.Client client = workload.client()) {
            Phase now;
            while ((now = phase) != Phase.STOP) {
                long t0 = System.nanoTime();
                try {
                    long waited = client.request();
                    if (now == Phase.MEASURE) {
                        record.latencies.record(System.nanoTime() - t0);
                        record.longestWait = Math.max(record.longestWait, waited);
                    }
                    completed.increment();
                } catch (SQLException | RuntimeException e) {
                    errors.increment();
                    firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
    }

    private final class Progress implements Runnable {
        private final long start;
        private long lastCompleted;
        private long lastTick;

        Progress(long start) {
            this.start = start;
            this.lastTick = start;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            long done = completed.sum();
            double rate = (done - lastCompleted) / ((now - lastTick) / 1e9);
            lastCompleted = done;
            lastTick = now;
            System.err.printf("  %-27s %5.1fs %-8s %,10.0f req/s   server connections %4d   errors %d%n",
                    scenario.shape().label() + " " + scenario.label(), (now - start) / 1e9, phase == Phase.WARMUP ? "warm-up" : "", rate,
                    sampler.latest(), errors.sum());
        }
    }
}
