package com.quickcart.bench;

import com.quickcart.bench.broadcast.BroadcastLoad;
import com.quickcart.bench.checkout.CheckoutRace;
import com.quickcart.bench.ingress.IngressThroughput;
import com.quickcart.bench.report.FlameGraph;
import com.quickcart.bench.report.Report;
import com.quickcart.bench.report.Results;
import com.quickcart.bench.scaling.UpdateThroughput;
import com.quickcart.bench.tapreply.TapToReply;
import com.quickcart.bench.telegram.BenchBotApi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One benchmark step, run by bench/run.sh against the local cluster: each step appends its
 * figures to the run's results file, and {@code report} turns that file into the Markdown
 * report and its plots. Every step is bounded in requests and time and stops by itself.
 *
 * <pre>
 * bench ingress    RESULTS SECONDS CONCURRENCY
 * bench tap-reply  RESULTS LABEL GLOBAL_LIMIT SECONDS RATE...
 * bench checkout   RESULTS BUYERS ITEMS
 * bench updates    RESULTS LABEL UPDATES          (LABEL: instances, e.g. 2, or 1lane for one handling one update at a time)
 * bench broadcast  RESULTS RECIPIENTS PER_SECOND TAP_SECONDS TAP_RATE
 * bench report     RESULTS REPORT.md [RESULTS_BEFORE_THE_FIX]
 * bench flame      RECORDING.jfr FLAME.svg TITLE
 * </pre>
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        if (args[0].equals("flame")) {
            FlameGraph graph = FlameGraph.of(Path.of(args[1]));
            graph.write(Path.of(args[2]), args.length > 3 ? args[3] : args[1]);
            System.out.println("flame graph of " + graph.samples() + " samples in " + args[2]);
            return;
        }
        Results results = new Results(Path.of(args[1]));
        List<String> rest = Arrays.asList(args).subList(2, args.length);
        Endpoints endpoints = Endpoints.fromEnvironment();
        switch (args[0]) {
            case "ingress" -> withBotApi(endpoints, 0, api ->
                    new IngressThroughput(endpoints, results).run(Duration.ofSeconds(Long.parseLong(rest.get(0))), Integer.parseInt(rest.get(1))));
            case "tap-reply" -> withBotApi(endpoints, Integer.parseInt(rest.get(1)), api ->
                    new TapToReply(endpoints, api, results, rest.get(0)).sweep(Duration.ofSeconds(Long.parseLong(rest.get(2))),
                            rest.subList(3, rest.size()).stream().mapToInt(Integer::parseInt).toArray()));
            case "checkout" -> withBotApi(endpoints, 0, api ->
                    new CheckoutRace(endpoints, results).run(Integer.parseInt(rest.get(0)), Integer.parseInt(rest.get(1))));
            case "updates" -> withBotApi(endpoints, 0, api ->
                    new UpdateThroughput(endpoints, results).run(rest.get(0), Integer.parseInt(rest.get(1))));
            case "broadcast" -> withBotApi(endpoints, 0, api ->
                    new BroadcastLoad(endpoints, api, results).run(Integer.parseInt(rest.get(0)), Integer.parseInt(rest.get(1)),
                            Duration.ofSeconds(Long.parseLong(rest.get(2))), Integer.parseInt(rest.get(3))));
            case "report" -> {
                Report report = new Report(results);
                if (rest.size() > 1) {
                    report.before(Path.of(rest.get(1)));
                }
                report.write(Path.of(rest.get(0)));
            }
            default -> usage();
        }
        System.exit(0); // the HTTP client's and Kafka admin's threads must not keep a finished step alive
    }

    private interface Step {
        void run(BenchBotApi api) throws Exception;
    }

    /** Every step that makes the bot talk hosts the fake Bot API the cluster was started against. */
    private static void withBotApi(Endpoints endpoints, int globalLimit, Step step) throws Exception {
        try (BenchBotApi api = new BenchBotApi(endpoints, globalLimit)) {
            step.run(api);
        }
    }

    private static void usage() {
        System.err.println("usage: bench ingress|tap-reply|checkout|updates|broadcast|report RESULTS ... | flame RECORDING.jfr FLAME.svg TITLE (see bench/run.sh)");
        System.exit(2);
    }

    private Bench() {
    }
}
