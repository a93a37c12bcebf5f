package com.quickcart.e2e;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment files as the tests that hold them to the code read them: YAML documents as maps and lists. */
public final class DeployFiles {

    /** The repository's root, from the e2e-tests module the tests run in. */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The first document of a YAML file (a service's config may add profile documents after it). */
    public static Map<String, Object> yaml(String relative) {
        try {
            return map(new Yaml().loadAll(Files.readString(ROOT.resolve(relative))).iterator().next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of one file under deploy/k8s. */
    public static List<Map<String, Object>> k8s(String file) {
        try {
            List<Map<String, Object>> documents = new ArrayList<>();
            new Yaml().loadAll(Files.readString(ROOT.resolve("deploy/k8s/" + file))).forEach(d -> documents.add(map(d)));
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    public static List<?> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }

    private DeployFiles() {
    }
}
