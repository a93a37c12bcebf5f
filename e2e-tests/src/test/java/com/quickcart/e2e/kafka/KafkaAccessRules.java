package com.quickcart.e2e.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@code deploy/kafka/access.conf} read the way {@code setup.sh} reads it: one ACL a line, comments after {@code #}. */
record KafkaAccessRules(List<Rule> rules) {

    static final Path ROOT = com.quickcart.e2e.DeployFiles.ROOT;

    /** One ACL: {@code principal} may {@code operation} the {@code type} ("topic" or "group") called {@code name} ("*": every one). */
    record Rule(String principal, String operation, String type, String name) implements Comparable<Rule> {
        @Override
        public int compareTo(Rule other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return principal + " " + operation + " " + type + " " + name;
        }
    }

    static KafkaAccessRules read() {
        try {
            List<Rule> rules = Files.readAllLines(ROOT.resolve("deploy/kafka/access.conf")).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty())
                    .map(line -> {
                        String[] fields = line.split("\\s+");
                        if (fields.length != 4 || !Set.of("topic", "group").contains(fields[2])) {
                            throw new IllegalArgumentException("access.conf: not \"principal operation topic|group name\": " + line);
                        }
                        return new Rule(fields[0], fields[1], fields[2], fields[3]);
                    }).toList();
            return new KafkaAccessRules(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Set<String> principals() {
        return rules.stream().map(Rule::principal).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<Rule> of(String principal) {
        return rules.stream().filter(r -> r.principal().equals(principal)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every topic the rules name, which setup.sh creates. */
    Set<String> topics() {
        return rules.stream().filter(r -> r.type().equals("topic") && !r.name().equals("*")).map(Rule::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
