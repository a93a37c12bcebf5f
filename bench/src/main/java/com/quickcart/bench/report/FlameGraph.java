package com.quickcart.bench.report;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A flame graph of where a service spent its CPU, drawn from a JFR recording's execution samples
 * (the JDK's own profiler; async-profiler is not installed here): each box is a method, its width
 * the share of samples with that method on the stack, its callees stacked above it. Plain SVG,
 * each box titled with its method and share, so a browser shows them on hover.
 */
public final class FlameGraph {

    private static final int WIDTH = 1200;
    private static final int ROW = 16;
    private static final int TOP = 40;
    /** Boxes narrower than this many pixels are left out: unreadable, and they would bloat the file. */
    private static final double MIN_WIDTH = 1.5;

    /** One method at one place in the call tree, with the samples that passed through it. */
    private static final class Node {
        final String frame;
        final Map<String, Node> children = new LinkedHashMap<>();
        long samples;

        Node(String frame) {
            this.frame = frame;
        }

        Node child(String frame) {
            return children.computeIfAbsent(frame, Node::new);
        }
    }

    private final Node root = new Node("all");

    /** Reads every {@code jdk.ExecutionSample} of the recording into the call tree. */
    public static FlameGraph of(Path recording) throws IOException {
        FlameGraph graph = new FlameGraph();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    graph.add(event.getStackTrace());
                }
            }
        }
        return graph;
    }

    private void add(RecordedStackTrace trace) {
        List<RecordedFrame> frames = trace.getFrames();
        Node node = root;
        root.samples++;
        // JFR lists the innermost frame first; a flame graph grows from the outermost.
        for (int i = frames.size() - 1; i >= 0; i--) {
            RecordedFrame frame = frames.get(i);
            if (!frame.isJavaFrame()) {
                continue;
            }
            node = node.child(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            node.samples++;
        }
    }

    public long samples() {
        return root.samples;
    }

    public void write(Path svg, String title) throws IOException {
        StringBuilder boxes = new StringBuilder();
        int height = TOP + (rows(root, WIDTH) + 1) * ROW + 10;
        draw(boxes, root, 0, 0, WIDTH, height - 10);
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" font-family=\"monospace\" font-size=\"11\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append("<text x=\"8\" y=\"20\" font-size=\"14\">").append(escape(title)).append(" (")
                .append(root.samples).append(" samples; width = share of CPU samples, hover for the method)</text>\n")
                .append(boxes)
                .append("</svg>\n");
        Files.createDirectories(svg.toAbsolutePath().getParent());
        Files.writeString(svg, out.toString());
    }

    /** How many levels are wide enough to draw. */
    private static int rows(Node node, double width) {
        int rows = 0;
        for (Node child : node.children.values()) {
            double childWidth = width * child.samples / node.samples;
            if (childWidth >= MIN_WIDTH) {
                rows = Math.max(rows, 1 + rows(child, childWidth));
            }
        }
        return rows;
    }

    /** Draws {@code node} at {@code level} (0 at the bottom line {@code base}) from x, {@code width} wide, then its callees above it. */
    private void draw(StringBuilder out, Node node, int level, double x, double width, int base) {
        if (width < MIN_WIDTH) {
            return;
        }
        double share = 100.0 * node.samples / Math.max(1, root.samples);
        String label = node.frame + String.format(Locale.ROOT, " (%.1f %%)", share);
        int y = base - (level + 1) * ROW;
        out.append("<g><title>").append(escape(label)).append("</title><rect x=\"").append(fmt(x)).append("\" y=\"").append(y)
                .append("\" width=\"").append(fmt(width)).append("\" height=\"").append(ROW - 1).append("\" fill=\"")
                .append(colour(node.frame)).append("\"/>");
        int fits = (int) ((width - 4) / 6.6);
        if (fits >= 4) {
            // The end of the name (class and method) says more than its package.
            String text = node.frame.length() <= fits ? node.frame : ".." + node.frame.substring(node.frame.length() - (fits - 2));
            out.append("<text x=\"").append(fmt(x + 2)).append("\" y=\"").append(y + ROW - 4).append("\">")
                    .append(escape(text)).append("</text>");
        }
        out.append("</g>\n");
        double offset = x;
        List<Node> children = new ArrayList<>(node.children.values());
        children.sort(Comparator.comparing(n -> n.frame));
        for (Node child : children) {
            double childWidth = width * child.samples / node.samples;
            draw(out, child, level + 1, offset, childWidth, base);
            offset += childWidth;
        }
    }

    /** QuickCart's own code stands out; the JDK and libraries in warm shades. */
    private static String colour(String frame) {
        if (frame.startsWith("com.quickcart.")) {
            return "#7fb8e6";
        }
        int hash = Math.abs(frame.hashCode());
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", 220 + hash % 35, 110 + (hash / 35) % 90, 40 + (hash / 3150) % 50);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
