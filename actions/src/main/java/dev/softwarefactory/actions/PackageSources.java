package dev.softwarefactory.actions;

import com.typesafe.config.Config;
import java.util.List;

/**
 * Where dependency installs fetch packages from, for users behind mirrors or offline. Empty values
 * leave the installer's own configuration in charge (pip.conf, Maven's settings, .npmrc).
 *
 * @param pythonIndexUrl pip's {@code --index-url}
 * @param pythonExtraIndexUrls pip's {@code --extra-index-url}s
 * @param pythonFindLinks pip's {@code --find-links}: folders or pages of wheels
 * @param pythonNoIndex pip's {@code --no-index}: only the find-links
 * @param mavenMirrorUrl a repository that mirrors every other one (Maven's {@code mirrorOf *})
 * @param npmRegistry npm's {@code --registry}
 */
public record PackageSources(String pythonIndexUrl, List<String> pythonExtraIndexUrls, List<String> pythonFindLinks,
        boolean pythonNoIndex, String mavenMirrorUrl, String npmRegistry) {

    public PackageSources {
        pythonExtraIndexUrls = List.copyOf(pythonExtraIndexUrls);
        pythonFindLinks = List.copyOf(pythonFindLinks);
    }

    /** Every installer with its own configuration. */
    public static PackageSources installerDefaults() {
        return new PackageSources("", List.of(), List.of(), false, "", "");
    }

    /** Reads {@code python}, {@code maven} and {@code npm} of the {@code software-factory} config. */
    public static PackageSources fromConfig(Config softwareFactory) {
        Config python = softwareFactory.getConfig("python");
        return new PackageSources(python.getString("index-url"), python.getStringList("extra-index-urls"),
                python.getStringList("find-links"), python.getBoolean("no-index"),
                softwareFactory.getString("maven.mirror-url"), softwareFactory.getString("npm.registry"));
    }

    /** Python pip only: a local wheel folder and nothing else, as an offline user (or a test) installs. */
    public static PackageSources wheelhouse(String folder) {
        return new PackageSources("", List.of(), List.of(folder), true, "", "");
    }

    public PackageSources withMavenMirror(String url) {
        return new PackageSources(pythonIndexUrl, pythonExtraIndexUrls, pythonFindLinks, pythonNoIndex, url,
                npmRegistry);
    }

    public PackageSources withNpmRegistry(String url) {
        return new PackageSources(pythonIndexUrl, pythonExtraIndexUrls, pythonFindLinks, pythonNoIndex,
                mavenMirrorUrl, url);
    }

    /** True when pip is given its sources here, so its own configuration files and variables are ignored. */
    boolean pythonConfigured() {
        return !pythonIndexUrl.isEmpty() || !pythonExtraIndexUrls.isEmpty() || !pythonFindLinks.isEmpty()
                || pythonNoIndex;
    }
}
