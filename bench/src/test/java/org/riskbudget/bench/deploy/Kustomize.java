package org.riskbudget.bench.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * deploy/kubernetes as kustomize would assemble it, without kustomize: each kustomization's references, the files
 * an overlay builds from (resources and components, transitively), the manifests in them, and the keys of the
 * ConfigMaps its generators make. Enough to check consistency; {@code kubectl kustomize} remains the authority.
 */
final class Kustomize {

    static final Path DIRECTORY = Repository.DEPLOY.resolve("kubernetes");
    static final String FILE_NAME = "kustomization.yaml";

    record Manifest(Path file, Map<String, Object> document) {

        String kind() {
            return Repository.string(document, "kind");
        }

        String name() {
            return Repository.string(Repository.map(document, "metadata"), "name");
        }
    }

    private Kustomize() {}

    /** Every directory with a kustomization, base, components and overlays alike. */
    static List<Path> kustomizationDirectories() {
        return Repository.files(DIRECTORY, "/" + FILE_NAME).stream().map(Path::getParent).toList();
    }

    static Map<String, Object> kustomization(Path directory) {
        return Repository.yaml(directory.resolve(FILE_NAME));
    }

    /** Every local path a kustomization names, resolved against its directory, in the order it names them. */
    static List<Path> references(Path directory) {
        Map<String, Object> kustomization = kustomization(directory);
        List<String> names = new ArrayList<>();
        for (String key : List.of("resources", "components", "patchesStrategicMerge", "crds")) {
            Repository.list(kustomization, key).forEach(item -> names.add(String.valueOf(item)));
        }
        for (String key : List.of("patches", "patchesJson6902")) {
            for (Map<String, Object> patch : Repository.maps(kustomization, key)) {
                if (patch.get("path") != null) {
                    names.add(String.valueOf(patch.get("path")));
                }
            }
        }
        for (String key : List.of("configMapGenerator", "secretGenerator")) {
            for (Map<String, Object> generator : Repository.maps(kustomization, key)) {
                for (String source : List.of("envs", "files")) {
                    // files entries may be "key=path"
                    Repository.list(generator, source).forEach(item -> {
                        String text = String.valueOf(item);
                        names.add(text.contains("=") ? text.substring(text.indexOf('=') + 1) : text);
                    });
                }
            }
        }
        return names.stream().map(name -> directory.resolve(name).normalize()).toList();
    }

    /** The files an overlay or base is built from: its own and, transitively, those of its bases and components. */
    static Set<Path> filesOf(Path directory) {
        Set<Path> files = new LinkedHashSet<>();
        files.add(directory.resolve(FILE_NAME));
        for (Path reference : references(directory)) {
            if (Files.isDirectory(reference)) {
                files.addAll(filesOf(reference));
            } else {
                files.add(reference);
            }
        }
        return files;
    }

    /** The manifests an overlay or base is built from (resources and components; not patches or generators). */
    static List<Manifest> manifestsOf(Path directory) {
        Map<String, Object> kustomization = kustomization(directory);
        List<Manifest> manifests = new ArrayList<>();
        for (String key : List.of("resources", "components")) {
            for (Object item : Repository.list(kustomization, key)) {
                Path reference = directory.resolve(String.valueOf(item)).normalize();
                if (Files.isDirectory(reference)) {
                    manifests.addAll(manifestsOf(reference));
                } else {
                    Repository.yamlDocuments(reference)
                            .forEach(document -> manifests.add(
                                    new Manifest(reference, Repository.map(document, reference.toString()))));
                }
            }
        }
        return manifests;
    }

    /** Every manifest in any file under deploy/kubernetes, kustomizations and env files excluded. */
    static List<Manifest> allManifests() {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : Repository.files(DIRECTORY, ".yaml", ".yml")) {
            if (file.getFileName().toString().equals(FILE_NAME)) {
                continue;
            }
            Repository.yamlDocuments(file)
                    .forEach(document -> manifests.add(new Manifest(file, Repository.map(document, file.toString()))));
        }
        return manifests;
    }

    /** The keys of each ConfigMap (by its name before kustomize's hash suffix) that an overlay's generators make. */
    static Map<String, Set<String>> generatedConfigMapKeys(Path directory) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        Map<String, Object> kustomization = kustomization(directory);
        for (String key : List.of("resources", "components")) {
            for (Object item : Repository.list(kustomization, key)) {
                Path reference = directory.resolve(String.valueOf(item)).normalize();
                if (Files.isDirectory(reference)) {
                    generatedConfigMapKeys(reference)
                            .forEach((name, more) -> keys.computeIfAbsent(name, n -> new TreeSet<>()).addAll(more));
                }
            }
        }
        for (Map<String, Object> generator : Repository.maps(kustomization, "configMapGenerator")) {
            Set<String> generated = keys.computeIfAbsent(Repository.string(generator, "name"), n -> new TreeSet<>());
            for (Object env : Repository.list(generator, "envs")) {
                generated.addAll(Repository.envFile(directory.resolve(String.valueOf(env))).keySet());
            }
            for (Object literal : Repository.list(generator, "literals")) {
                generated.add(String.valueOf(literal).split("=", 2)[0]);
            }
        }
        return keys;
    }

    /** Each generated ConfigMap's entries as an overlay builds them (a merge replaces values of the same key). */
    static Map<String, Map<String, String>> generatedConfigMaps(Path directory) {
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        Map<String, Object> kustomization = kustomization(directory);
        for (String key : List.of("resources", "components")) {
            for (Object item : Repository.list(kustomization, key)) {
                Path reference = directory.resolve(String.valueOf(item)).normalize();
                if (Files.isDirectory(reference)) {
                    generatedConfigMaps(reference).forEach(
                            (name, entries) -> configMaps.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(entries));
                }
            }
        }
        for (Map<String, Object> generator : Repository.maps(kustomization, "configMapGenerator")) {
            Map<String, String> entries = configMaps.computeIfAbsent(Repository.string(generator, "name"),
                    n -> new LinkedHashMap<>());
            for (Object env : Repository.list(generator, "envs")) {
                entries.putAll(Repository.envFile(directory.resolve(String.valueOf(env))));
            }
            for (Object literal : Repository.list(generator, "literals")) {
                String[] pair = String.valueOf(literal).split("=", 2);
                entries.put(pair[0], pair.length == 2 ? pair[1] : "");
            }
        }
        return configMaps;
    }

    /** Overlays: the kustomizations meant to be applied. */
    static List<Path> overlays() {
        return kustomizationDirectories().stream()
                .filter(directory -> directory.getParent().getFileName().toString().equals("overlays"))
                .toList();
    }
}
