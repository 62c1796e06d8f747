package dev.newsportal.elastic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;

/** The unprivileged account the node runs under when the portal itself runs as root. */
record RunAs(String name, int uid, int gid) {

    static final RunAs ROOT = new RunAs("root", 0, 0);

    static boolean isRoot() {
        try {
            // The /proc/self directory belongs to this process's user (the link itself always to root).
            return ((Integer) Files.getAttribute(Path.of("/proc/self/"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    static RunAs lookup(String name) {
        return new RunAs(name, Integer.parseInt(id("-u", name)), Integer.parseInt(id("-g", name)));
    }

    private static String id(String flag, String name) {
        try {
            Process p = new ProcessBuilder("id", flag, name).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("Unknown user '" + name
                        + "' (portal.elasticsearch.embedded.run-as-user): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot look up user " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Hands a file or tree to this user: Elasticsearch writes data, logs and temp files there. */
    void own(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /**
     * Makes a tree this user's and readable (not writable) by everyone, except the named
     * subdirectories of its root, which are left alone. Undoes an older layout that gave the
     * node's user the whole tree.
     */
    void ownReadableByAll(Path root, List<String> except) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path relative = root.relativize(p);
                if (relative.getNameCount() > 0 && except.contains(relative.getName(0).toString())) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                java.util.Set<PosixFilePermission> perms = new java.util.HashSet<>(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                perms.remove(PosixFilePermission.GROUP_WRITE);
                perms.remove(PosixFilePermission.OTHERS_WRITE);
                perms.add(PosixFilePermission.OTHERS_READ);
                perms.add(PosixFilePermission.GROUP_READ);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
                    perms.add(PosixFilePermission.OTHERS_EXECUTE);
                    perms.add(PosixFilePermission.GROUP_EXECUTE);
                }
                Files.setPosixFilePermissions(p, perms);
            }
        }
    }

    /** Fails early with a clear message instead of an obscure "access denied" from the node. */
    void requireTraversable(Path directory) throws IOException {
        for (Path p = directory.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("Elasticsearch runs as '" + name + "' and cannot reach " + directory
                        + " because " + p + " is not accessible to other users; set portal.data-dir "
                        + "to a directory under one that is (e.g. /var/lib/newsportal)");
            }
        }
    }

    List<String> setprivArguments() {
        return List.of("--reuid=" + uid, "--regid=" + gid, "--clear-groups");
    }
}
