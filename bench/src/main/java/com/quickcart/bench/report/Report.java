package com.quickcart.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run's Markdown report and its two plots, from the results file alone: each figure beside
 * the baseline measured in the same run, their ratio, and the goal from issue 12. A figure a
 * step did not produce is shown as "not measured", never guessed.
 */
public final class Report {

    static final int[] RATES = {50, 200, 500, 1000};
    private static final String[] SERVICES = {"ingress-service", "order-service", "payment-service", "delivery-service", "notifier-service"};

    private final Results results;
    private final Map<String, Results.Entry> r;
    private Map<String, Results.Entry> before = Map.of();

    public Report(Results results) {
        this.results = results;
        this.r = results.read();
    }

    /** Figures measured before the fix, shown beside the same figures after it. */
    public Report before(Path earlierResults) {
        this.before = new Results(earlierResults).read();
        return this;
    }

    public void write(Path markdown) throws IOException {
        String stem = markdown.getFileName().toString().replaceFirst("\\.md$", "");
        Path dir = markdown.toAbsolutePath().getParent();
        Files.writeString(dir.resolve(stem + "-latency.svg"), latencyChart());
        Files.writeString(dir.resolve(stem + "-scaling.svg"), scalingChart());
        StringBuilder md = new StringBuilder();
        md.append("# QuickCart benchmark, ").append(stem).append("\n\n");
        md.append("Produced by `bench/run.sh` from `").append(results.file().getFileName()).append("` (every figure the run measured, with how).\n");
        md.append("Machine: ").append(note("meta.cores")).append(" (the load average is taken as each part of the run starts;\n");
        md.append("the cluster, Kafka, PostgreSQL and the load generator all share these cores). Absolute numbers move from run\n");
        md.append("to run; read each figure against the baseline measured in the same run, on the same machine, minutes apart.\n\n");
        summary(md);
        tapToReply(md);
        startup(md);
        scaling(md, stem);
        checkout(md);
        if (!before.isEmpty()) {
            beforeAfter(md);
        }
        profiles(md, dir, stem);
        // What the numbers mean is written by whoever ran and profiled them, next to the results.
        Path analysis = dir.resolve(stem + "-analysis.md");
        if (Files.exists(analysis)) {
            md.append(Files.readString(analysis));
        }
        Files.writeString(markdown, md.toString());
        System.out.println("[bench] report written to " + markdown);
    }

    private void summary(StringBuilder md) {
        md.append("## Summary\n\n| figure | measured | baseline in the same run | ratio | goal |\n|---|---|---|---|---|\n");
        double ingress = v("ingress.webhook.per_second");
        double producer = v("kafka.producer_perf.per_second");
        double probe = v("ingress.liveness.per_second");
        double lower = Math.min(producer, probe);
        md.append(row("ingress: updates accepted/s (acks=all)", n(ingress),
                "ProducerPerformance " + n(producer) + " rec/s (" + n(v("ingress.record_bytes")) + " B, acks=all); liveness probe " + n(probe) + " req/s",
                ratio(ingress, lower) + " of the lower", "≥ 0.6 ×"));
        double e2e = v("kafka.e2e.p99_ms") * 2;
        for (int rate : RATES) {
            String key = "tap.lifted." + rate;
            md.append(row("tap → reply at " + rate + "/s, reply budget lifted: p50 / p99 / max ms",
                    ms(key + ".p50_ms") + " / " + ms(key + ".p99_ms") + " / " + ms(key + ".max_ms") + unanswered(key),
                    "EndToEndLatency p99 × 2 hops = " + n1(e2e) + " ms", ratio(v(key + ".p99_ms"), e2e) + " (p99)",
                    "p50 ≤ 15, p99 ≤ 50 at 1,000/s"));
        }
        for (int rate : RATES) {
            String key = "tap.budget." + rate;
            if (r.containsKey(key + ".p99_ms")) {
                md.append(row("tap → reply at " + rate + "/s, today's 30 msg/s budget: p50 / p99 / max ms",
                        ms(key + ".p50_ms") + " / " + ms(key + ".p99_ms") + " / " + ms(key + ".max_ms") + unanswered(key),
                        "EndToEndLatency p99 × 2 = " + n1(e2e) + " ms", ratio(v(key + ".p99_ms"), e2e) + " (p99)", "—"));
            }
        }
        md.append(row("balance checkouts completed/s (1,000 buyers, 100 items)", n1(v("checkout.per_second")),
                "—", v("checkout.exact") == 1 ? "exactly 100 sold, none twice" : (r.containsKey("checkout.exact") ? "**NOT exact**, see below" : "not measured"),
                "≥ 300/s; exactly 100 sold"));
        if (r.containsKey("broadcast.per_second")) {
            md.append(row("broadcast send rate (" + n(v("broadcast.delivered")) + " recipients)", n1(v("broadcast.per_second")) + "/s, "
                            + n(v("broadcast.http429")) + " × 429, " + n(v("broadcast.repeats")) + " repeats",
                    "configured " + n(v("broadcast.configured_per_second")) + "/s", ratio(v("broadcast.per_second"),
                            v("broadcast.configured_per_second")), "≥ 0.95 × limit, zero 429s"));
            String on = "tap.broadcast-on." + n(v("broadcast.tap_rate"));
            String off = "tap.broadcast-off." + n(v("broadcast.tap_rate"));
            md.append(row("live-chat p99 during a broadcast (" + n(v("broadcast.tap_rate")) + " taps/s)", ms(on + ".p99_ms"),
                    "without one: " + ms(off + ".p99_ms"), ratio(v(on + ".p99_ms"), v(off + ".p99_ms")), "≤ 1.5 ×"));
        } else {
            md.append(row("broadcast send rate", "not measured (bench step broadcast)", "the configured limit", "—", "≥ 0.95 × limit, zero 429s"));
            md.append(row("live-chat p99 during a broadcast", "not measured (bench step broadcast)", "the same without one", "—", "≤ 1.5 ×"));
        }
        for (String service : SERVICES) {
            md.append(row(service + ": start to ready s / RSS MB", n1(v("startup." + service + ".seconds")) + " s / " + n(v("rss." + service + ".mb")) + " MB",
                    "bare Spring Boot app: " + n1(v("startup.bare.seconds")) + " s / " + n(v("rss.bare.mb")) + " MB",
                    ratio(v("startup." + service + ".seconds"), v("startup.bare.seconds")) + " / " + ratio(v("rss." + service + ".mb"), v("rss.bare.mb")),
                    "≤ 5 s, ≤ 300 MB"));
        }
        double one = v("scaling.1.per_second");
        for (int instances = 1; instances <= 3; instances++) {
            double value = v("scaling." + instances + ".per_second");
            md.append(row("updates/s handled with " + instances + " order-service instance" + (instances > 1 ? "s" : ""), n(value),
                    "1 instance: " + n(one), ratio(value, one), "say what limits it"));
        }
        if (r.containsKey("scaling.1lane.per_second")) {
            double oneAtATime = v("scaling.1lane.per_second");
            md.append(row("updates/s, 1 order-service instance, chats in lanes (ORDER_UPDATE_LANES default)", n(one),
                    "the same instance one update at a time (ORDER_UPDATE_LANES=1): " + n(oneAtATime), ratio(one, oneAtATime),
                    "the fix of ADR 27"));
        }
        md.append("\n");
    }

    private void tapToReply(StringBuilder md) {
        md.append("## Tap → reply\n\n![latency against offered rate](").append("%STEM%-latency.svg".replace("%STEM%", stemOf())).append(")\n\n");
        md.append("Open loop (new chats sending `/help` at a fixed rate for the step's duration, latency from when each was *due*,\n");
        md.append("so a late sender is counted), to the first message the bot sends that chat at the fake Bot API, which enforces\n");
        md.append("Telegram's flood limits (429 + `retry_after`).\n\n| budget | rate/s | p50 ms | p99 ms | max ms | unanswered | 429s | detail |\n|---|---|---|---|---|---|---|---|\n");
        for (String label : List.of("budget", "lifted")) {
            for (int rate : RATES) {
                String key = "tap." + label + "." + rate;
                if (r.containsKey(key + ".p99_ms")) {
                    md.append(f("| %s | %d | %s | %s | %s | %s | %s | %s |\n", label.equals("budget") ? "30 msg/s (today)" : "lifted", rate,
                            ms(key + ".p50_ms"), ms(key + ".p99_ms"), ms(key + ".max_ms"), n(v(key + ".unanswered")),
                            n(v(key + ".http429")), note(key + ".p99_ms")));
                }
            }
        }
        md.append("\nBaseline: Kafka's `EndToEndLatency` on the same broker, p50 ").append(n1(v("kafka.e2e.p50_ms")))
                .append(" ms, p99 ").append(n1(v("kafka.e2e.p99_ms"))).append(" ms (").append(note("kafka.e2e.p99_ms"))
                .append("); a tap crosses two Kafka hops (ingress → order-service → notifier).\n\n");
    }

    private void startup(StringBuilder md) {
        md.append("## Start to ready, memory\n\n| service | start to ready s | RSS after warm-up MB |\n|---|---|---|\n");
        for (String service : SERVICES) {
            md.append(f("| %s | %s | %s |\n", service, n1(v("startup." + service + ".seconds")), n(v("rss." + service + ".mb"))));
        }
        md.append(f("| bare Spring Boot app (webmvc, actuator, kafka, jdbc, liquibase, prometheus) | %s | %s |\n\n",
                n1(v("startup.bare.seconds")), n(v("rss.bare.mb"))));
        md.append("Start to ready: the JVM's own uptime when Spring Boot reported the application started (`process running for`),\n")
                .append("each service restarted alone while the rest of the cluster ran; RSS: `VmRSS` after the load steps (`-Xmx384m -XX:+UseSerialGC`, as `up.sh` runs them).\n\n");
    }

    private void scaling(StringBuilder md, String stem) {
        md.append("## Scaling order-service\n\n![updates per second against instances](").append(stem).append("-scaling.svg)\n\n")
                .append("A burst of `/help` messages from new chats, posted through the ingress as fast as it accepts them; order-service's rate is\n")
                .append("counted until its consumer group committed the last one, the notifier's until it sent the last reply (budget lifted).\n\n")
                .append("| order-service | updates/s | replies/s | detail |\n|---|---|---|---|\n");
        for (String label : List.of("1lane", "1", "2", "3")) {
            String key = "scaling." + label;
            if (r.containsKey(key + ".per_second")) {
                md.append(f("| %s | %s | %s | %s |\n", label.equals("1lane") ? "1 instance, one update at a time (ORDER_UPDATE_LANES=1)"
                                : label + (label.equals("1") ? " instance" : " instances"),
                        n(v(key + ".per_second")), n(v(key + ".replies_per_second")), note(key + ".per_second")));
            }
        }
        md.append("\n");
    }

    private void checkout(StringBuilder md) {
        md.append("## Checkout race\n\n").append(note("checkout.per_second")).append(".\n\n")
                .append("Seeded for the benchmark only, straight in the services' schemas: the product and its stock projection (order_svc), ")
                .append("100 goods sealed with the local key (delivery_svc), and 1,000 wallets with an ADJUSTMENT ledger entry (payment_svc). ")
                .append("Checkouts/s = completed orders ÷ (last completion − first tap).\n\n");
    }

    private void beforeAfter(StringBuilder md) {
        md.append("## Before and after the fix\n\n| figure | before | after | before's baseline | after's baseline |\n|---|---|---|---|---|\n");
        md.append(f("| ingress updates/s | %s | %s | liveness %s, producer %s | liveness %s, producer %s |\n",
                n(b("ingress.webhook.per_second")), n(v("ingress.webhook.per_second")),
                n(b("ingress.liveness.per_second")), n(b("kafka.producer_perf.per_second")),
                n(v("ingress.liveness.per_second")), n(v("kafka.producer_perf.per_second"))));
        for (int rate : RATES) {
            String key = "tap.lifted." + rate;
            if (before.containsKey(key + ".p99_ms")) {
                md.append(f("| tap → reply %d/s p50 / p99 ms | %s / %s | %s / %s | E2E p99 %s | E2E p99 %s |\n", rate,
                        n1(b(key + ".p50_ms")), n1(b(key + ".p99_ms")), ms(key + ".p50_ms"), ms(key + ".p99_ms"),
                        n1(b("kafka.e2e.p99_ms")), n1(v("kafka.e2e.p99_ms"))));
            }
        }
        for (int instances = 1; instances <= 3; instances++) {
            String key = "scaling." + instances + ".per_second";
            if (before.containsKey(key)) {
                md.append(f("| updates/s, %d order-service | %s | %s | | |\n", instances, n(b(key)), n(v(key))));
            }
        }
        String replies = "scaling.1.replies_per_second";
        if (before.containsKey(replies)) {
            md.append(f("| replies/s, 1 order-service, 1 notifier | %s | %s | | |\n", n(b(replies)), n(v(replies))));
        }
        md.append("\n");
    }

    private void profiles(StringBuilder md, Path dir, String stem) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(stem + "-")
                    && (p.toString().endsWith("-jfr.txt") || p.toString().endsWith("-flame.svg"))).sorted().toList();
            if (!found.isEmpty()) {
                md.append("## Profiles (JFR: flame graphs of CPU samples; summaries of hot methods, allocation, lock contention)\n\n");
                for (Path p : found) {
                    String name = p.getFileName().toString();
                    md.append(name.endsWith(".svg") ? "![" + name + "](" + name + ")\n\n" : "- [" + name + "](" + name + ")\n");
                }
                md.append("\n");
            }
        }
    }

    private String latencyChart() {
        List<String> rates = java.util.Arrays.stream(RATES).mapToObj(rate -> rate + "/s").toList();
        return new SvgChart("Tap → reply latency against offered rate", "offered rate (new chats sending /help)", "ms (log scale)", rates, true)
                .series("p50, budget lifted", "#1f77b4", series("tap.lifted.%d.p50_ms"))
                .series("p99, budget lifted", "#ff7f0e", series("tap.lifted.%d.p99_ms"))
                .series("max, budget lifted", "#d62728", series("tap.lifted.%d.max_ms"))
                .series("p50, 30 msg/s budget", "#9467bd", series("tap.budget.%d.p50_ms"))
                .series("p99, 30 msg/s budget", "#8c564b", series("tap.budget.%d.p99_ms"))
                .reference("Kafka E2E p99 × 2", "#2ca02c", v("kafka.e2e.p99_ms") * 2)
                .render();
    }

    private String scalingChart() {
        double[] perSecond = new double[3];
        double[] replies = new double[3];
        for (int i = 0; i < 3; i++) {
            perSecond[i] = v("scaling." + (i + 1) + ".per_second");
            replies[i] = v("scaling." + (i + 1) + ".replies_per_second");
        }
        return new SvgChart("Updates per second against order-service instances (2 cores)", "order-service instances",
                "per second", List.of("1", "2", "3"), false)
                .series("updates handled", "#1f77b4", perSecond)
                .series("replies sent", "#ff7f0e", replies)
                .reference("1 instance", "#7f7f7f", perSecond[0])
                .reference("1 instance, one update at a time", "#2ca02c", v("scaling.1lane.per_second"))
                .render();
    }

    private double[] series(String keyPattern) {
        return java.util.Arrays.stream(RATES).mapToDouble(rate -> v(f(keyPattern, rate))).toArray();
    }

    private String stemOf() {
        return results.file().getFileName().toString().replaceFirst("\\.tsv$", "");
    }

    private double v(String key) {
        Results.Entry entry = r.get(key);
        return entry == null ? Double.NaN : entry.value();
    }

    private double b(String key) {
        Results.Entry entry = before.get(key);
        return entry == null ? Double.NaN : entry.value();
    }

    private String note(String key) {
        Results.Entry entry = r.get(key);
        return entry == null ? "not measured" : entry.note();
    }

    private String unanswered(String key) {
        double missing = v(key + ".unanswered");
        return missing > 0 ? " (" + n(missing) + " unanswered)" : "";
    }

    private String ms(String key) {
        return n1(v(key));
    }

    private static String row(String figure, String measured, String baseline, String ratio, String goal) {
        return "| " + figure + " | " + measured + " | " + baseline + " | " + ratio + " | " + goal + " |\n";
    }

    private static String ratio(double value, double baseline) {
        return Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0 ? "—" : f("%.2f ×", value / baseline);
    }

    private static String n(double value) {
        return Double.isNaN(value) ? "not measured" : f("%,.0f", value);
    }

    private static String n1(double value) {
        return Double.isNaN(value) ? "not measured" : f("%,.1f", value);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
