package dev.newsportal.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a folder of .txt, .md, .html/.htm, .jsonl and .json files into {@link ParsedDocument}s.
 * Every problem is reported to the listener and the walk goes on: one bad file never stops the others.
 */
public final class FolderParser {

    private static final Set<String> TYPES = Set.of("txt", "md", "html", "htm", "jsonl", "json");
    private static final String SIDECAR_SUFFIX = ".meta.json";
    private static final int BINARY_SNIFF_BYTES = 8192;
    private static final int CHARSET_SNIFF_BYTES = 2048;
    private static final int MAX_ERROR_LENGTH = 120;
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([a-z0-9_.:\\-]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long maxFileBytes;

    public FolderParser(long maxFileBytes) {
        if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and 2 GB: " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * Walks root recursively in sorted locator order; skips hidden files and folders (name starts
     * with '.') and *.meta.json sidecars; never follows a symbolic link out of root (links to
     * folders are not followed at all, which also rules out cycles). A root that is a file is parsed
     * as that one file.
     */
    public void parse(Path root, ParseListener listener) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(listener, "listener");
        if (Files.isRegularFile(root)) {
            parseFile(root, root, listener);
            return;
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            listener.skipped(new Skipped(fileName(root), "cannot read folder: " + describe(e)));
            return;
        }
        List<Entry> entries = collect(realRoot);
        entries.sort(Comparator.comparing(Entry::locator));
        for (Entry entry : entries) {
            switch (entry.kind) {
                case FILE -> parseFile(realRoot, entry.path, listener);
                case LINK -> parseLink(realRoot, entry, listener);
                case SIDECAR -> {
                    String name = entry.path.getFileName().toString();
                    Path owner = entry.path.resolveSibling(name.substring(0, name.length() - SIDECAR_SUFFIX.length()));
                    if (!Files.exists(owner, LinkOption.NOFOLLOW_LINKS)) {
                        listener.warning(entry.locator, "metadata sidecar without a matching file");
                    }
                }
                case FAILED -> listener.skipped(new Skipped(entry.locator, entry.failure));
            }
        }
    }

    /**
     * Parses one file; root only serves the locator (a file that is its own root gets its name).
     * What the file gives is handed over once the file is done, so an exception thrown by the
     * listener propagates instead of being mistaken for a bad file.
     */
    public void parseFile(Path root, Path file, ParseListener listener) {
        Objects.requireNonNull(listener, "listener");
        String locator = locator(root, file);
        listener.fileSeen(locator);
        Buffer out = new Buffer();
        try {
            parseChecked(root, file, locator, out);
        } catch (RuntimeException e) {
            // A parser bug or pathological input must not end the walk.
            out.skipped(new Skipped(locator, "cannot parse file: " + shorten(String.valueOf(e.getMessage()))));
        }
        out.replayTo(listener);
    }

    private void parseChecked(Path root, Path file, String locator, ParseListener out) {
        String ext = extension(fileName(file));
        if (!TYPES.contains(ext)) {
            skip(out, locator, ext.isEmpty() ? "unsupported file type (no extension)" : "unsupported file type ." + ext);
            return;
        }
        if (fileName(file).toLowerCase(Locale.ROOT).endsWith(SIDECAR_SUFFIX)) {
            skip(out, locator, "metadata sidecar, read together with the file it describes");
            return;
        }
        if (!file.equals(root) && Files.isSymbolicLink(file) && !insideRoot(root, file)) {
            skip(out, locator, "symbolic link points outside the folder");
            return;
        }
        String text = readText(file, locator, ext.startsWith("htm"), out);
        if (text == null) {
            return;
        }
        Metadata sidecar = readSidecar(root, file, locator, out);
        switch (ext) {
            case "txt" -> plainText(locator, text, sidecar, out);
            case "md" -> markdown(locator, text, sidecar, out);
            case "html", "htm" -> html(locator, text, sidecar, out);
            case "jsonl" -> jsonLines(locator, text, sidecar, out);
            default -> json(locator, text, sidecar, out);
        }
    }

    // ---- reading and checks, in the documented order ----

    /** The decoded text, or null once the reason for skipping the file was reported. */
    private String readText(Path file, String locator, boolean html, ParseListener out) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                skip(out, locator, Files.exists(file) ? "not a regular file" : "cannot read file: no such file");
                return null;
            }
            if (!Files.isReadable(file)) {
                skip(out, locator, "cannot read file: permission denied");
                return null;
            }
            long size = Files.size(file);
            if (size > maxFileBytes) {
                skip(out, locator, tooLarge(size));
                return null;
            }
            // Read at most one byte past the limit: the file may have grown since it was measured.
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) maxFileBytes + 1);
            }
            if (bytes.length > maxFileBytes) {
                skip(out, locator, tooLarge(Math.max(bytes.length, Files.size(file))));
                return null;
            }
        } catch (IOException e) {
            skip(out, locator, "cannot read file: " + describe(e));
            return null;
        }
        int start = hasBom(bytes) ? 3 : 0;
        if (isBlank(bytes, start)) {
            skip(out, locator, "empty file");
            return null;
        }
        for (int i = 0; i < Math.min(bytes.length, BINARY_SNIFF_BYTES); i++) {
            if (bytes[i] == 0) {
                skip(out, locator, "binary file (contains NUL bytes)");
                return null;
            }
        }
        Charset declared = html && start == 0 ? declaredCharset(bytes) : null;
        if (declared != null) {
            return new String(bytes, declared);
        }
        try {
            return decodeUtf8(bytes, start);
        } catch (InvalidUtf8 e) {
            skip(out, locator, "invalid UTF-8 at byte " + e.offset);
            return null;
        }
    }

    private Metadata readSidecar(Path root, Path file, String locator, ParseListener out) {
        Path sidecar = file.resolveSibling(fileName(file) + SIDECAR_SUFFIX);
        if (!Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            return Metadata.NONE;
        }
        String name = fileName(sidecar);
        Consumer<String> ignored = m -> out.warning(locator, "ignored sidecar " + name + ": " + m);
        try {
            if (!Files.isRegularFile(sidecar) || Files.size(sidecar) > maxFileBytes) {
                ignored.accept("not a regular file or too large");
                return Metadata.NONE;
            }
            if (Files.isSymbolicLink(sidecar) && !insideRoot(root, sidecar)) {
                ignored.accept("symbolic link points outside the folder");
                return Metadata.NONE;
            }
            byte[] bytes = Files.readAllBytes(sidecar);
            JsonNode node = JSON.readTree(decodeUtf8(bytes, hasBom(bytes) ? 3 : 0));
            if (node == null || !node.isObject()) {
                ignored.accept("expected a JSON object");
                return Metadata.NONE;
            }
            return Metadata.fromJson(node, m -> out.warning(locator, "sidecar " + name + ": " + m));
        } catch (IOException e) {
            ignored.accept("cannot read file: " + describe(e));
        } catch (InvalidUtf8 e) {
            ignored.accept("invalid UTF-8 at byte " + e.offset);
        } catch (JacksonException e) {
            ignored.accept(malformedJson(e));
        }
        return Metadata.NONE;
    }

    // ---- file types ----

    private static void plainText(String locator, String raw, Metadata sidecar, ParseListener out) {
        String text = TextCleaner.clean(raw);
        fromText(locator, text, TextCleaner.titleLineIndex(lines(text)), sidecar, out);
    }

    private static void markdown(String locator, String raw, Metadata sidecar, ParseListener out) {
        Markdown.Stripped md = Markdown.strip(TextCleaner.clean(raw));
        if (md.text().isBlank()) {
            skip(out, locator, "no text content");
            return;
        }
        int titleLine = md.headingLine() >= 0 ? md.headingLine() : TextCleaner.titleLineIndex(lines(md.text()));
        fromText(locator, md.text(), titleLine, sidecar, out);
    }

    /** A sidecar title keeps the body whole; otherwise line {@code titleLine} becomes the title. */
    private static void fromText(String locator, String text, int titleLine, Metadata meta, ParseListener out) {
        if (text.isBlank()) {
            skip(out, locator, "no text content");
        } else if (meta.title() != null) {
            out.document(document(locator, meta, TextCleaner.title(meta.title()), TextCleaner.clean(text)));
        } else {
            TextCleaner.Split split = TextCleaner.splitAt(text, titleLine);
            out.document(document(locator, meta, split.title(), split.body()));
        }
    }

    private static void html(String locator, String text, Metadata sidecar, ParseListener out) {
        HtmlExtractor.Extracted page = HtmlExtractor.extract(text, m -> out.warning(locator, m));
        if (page.body().isBlank()) {
            skip(out, locator, "no readable text in the HTML");
            return;
        }
        Metadata meta = page.metadata().overriddenBy(sidecar);
        if (meta.title() == null && page.title() != null) {
            out.document(document(locator, meta, page.title(), page.body()));
        } else {
            fromText(locator, page.body(), TextCleaner.titleLineIndex(lines(page.body())), meta, out);
        }
    }

    private static void jsonLines(String locator, String text, Metadata sidecar, ParseListener out) {
        Metadata shared = forManyRecords(locator, sidecar, out);
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            String recordLocator = locator + "#L" + lineNo;
            JsonNode node;
            try {
                node = JSON.readTree(lines[i]);
            } catch (JacksonException e) {
                skip(out, recordLocator, "malformed JSON on line " + lineNo + ": " + shorten(e.getOriginalMessage()));
                continue;
            }
            record(recordLocator, node, shared, out);
        }
    }

    private static void json(String locator, String text, Metadata sidecar, ParseListener out) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            skip(out, locator, malformedJson(e));
            return;
        }
        if (node != null && node.isObject()) {
            record(locator, node, sidecar, out);
        } else if (node != null && node.isArray()) {
            if (node.isEmpty()) {
                skip(out, locator, "empty JSON array");
                return;
            }
            Metadata shared = forManyRecords(locator, sidecar, out);
            for (int i = 0; i < node.size(); i++) {
                record(locator + "#" + (i + 1), node.get(i), shared, out);
            }
        } else {
            skip(out, locator, "JSON file holds neither an object nor an array of objects");
        }
    }

    private static void record(String locator, JsonNode node, Metadata sidecar, ParseListener out) {
        if (!node.isObject()) {
            skip(out, locator, "record is not a JSON object");
            return;
        }
        JsonNode bodyNode = node.get("body");
        if (bodyNode != null && !bodyNode.isNull() && !bodyNode.isString()) {
            skip(out, locator, "record body is not a string");
            return;
        }
        String body = bodyNode == null || bodyNode.isNull() ? "" : TextCleaner.clean(bodyNode.asString());
        if (body.isBlank()) {
            skip(out, locator, "record has no body");
            return;
        }
        Metadata meta = Metadata.fromJson(node, m -> out.warning(locator, m)).overriddenBy(sidecar);
        String title = meta.title() != null ? TextCleaner.title(meta.title()) : TextCleaner.titleOf(body);
        out.document(document(locator, meta, title, body));
    }

    /** One id or title for every record of a file would be wrong, so a sidecar only lends the rest. */
    private static Metadata forManyRecords(String locator, Metadata sidecar, ParseListener out) {
        if (sidecar.id() != null || sidecar.title() != null) {
            out.warning(locator, "sidecar id and title ignored: the file holds many records");
        }
        return sidecar.withoutIdAndTitle();
    }

    private static ParsedDocument document(String locator, Metadata meta, String title, String body) {
        return new ParsedDocument(locator, meta.id(), title, body, meta.language(), meta.source(),
                meta.published(), meta.url());
    }

    // ---- walking ----

    private enum Kind { FILE, LINK, SIDECAR, FAILED }

    private record Entry(String locator, Path path, Kind kind, String failure) {
    }

    private static List<Entry> collect(Path realRoot) {
        List<Entry> entries = new ArrayList<>();
        try {
            Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(realRoot) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isHidden(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    Kind kind = fileName(file).toLowerCase(Locale.ROOT).endsWith(SIDECAR_SUFFIX) ? Kind.SIDECAR
                            : attrs.isSymbolicLink() ? Kind.LINK
                            : attrs.isRegularFile() ? Kind.FILE
                            : null; // devices, pipes, sockets: reading could block, never documents
                    if (kind != null) {
                        entries.add(new Entry(locator(realRoot, file), file, kind, null));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!isHidden(file)) {
                        entries.add(new Entry(locator(realRoot, file), file, Kind.FAILED, "cannot read: " + describe(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        entries.add(new Entry(locator(realRoot, dir), dir, Kind.FAILED,
                                "cannot read folder: " + describe(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            entries.add(new Entry(fileName(realRoot), realRoot, Kind.FAILED, "cannot read folder: " + describe(e)));
        }
        return entries;
    }

    private void parseLink(Path realRoot, Entry entry, ParseListener listener) {
        Path target;
        try {
            target = entry.path.toRealPath();
        } catch (IOException e) {
            listener.fileSeen(entry.locator);
            listener.skipped(new Skipped(entry.locator, "cannot read file: broken symbolic link"));
            return;
        }
        if (Files.isDirectory(target)) {
            listener.warning(entry.locator, "symbolic link to a folder not followed");
        } else {
            parseFile(realRoot, entry.path, listener); // checks that the target stays inside root
        }
    }

    private static boolean insideRoot(Path root, Path link) {
        try {
            Path base = Files.isDirectory(root) ? root.toRealPath() : root.toRealPath().getParent();
            return link.toRealPath().startsWith(base);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isHidden(Path path) {
        return fileName(path).startsWith(".");
    }

    // ---- small helpers ----

    static String locator(Path root, Path file) {
        Path r = root.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        if (r.equals(f)) {
            return fileName(f);
        }
        List<String> parts = new ArrayList<>();
        r.relativize(f).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    private static void skip(ParseListener out, String locator, String reason) {
        out.skipped(new Skipped(locator, reason));
    }

    private String tooLarge(long size) {
        String actual = humanSize(size);
        String limit = humanSize(maxFileBytes);
        if (actual.equals(limit)) {
            actual = size + " bytes";
            limit = maxFileBytes + " bytes";
        }
        return "file too large: " + actual + " exceeds the " + limit + " limit";
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        boolean mb = bytes >= 1024 * 1024;
        String n = String.format(Locale.ROOT, "%.1f", bytes / (mb ? 1024.0 * 1024 : 1024.0));
        return (n.endsWith(".0") ? n.substring(0, n.length() - 2) : n) + (mb ? " MB" : " KB");
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String malformedJson(JacksonException e) {
        var where = e.getLocation();
        String line = where != null && where.getLineNr() > 0 ? " on line " + where.getLineNr() : "";
        return "malformed JSON" + line + ": " + shorten(e.getOriginalMessage());
    }

    /** First line, at most 120 characters: reasons end up in logs and UIs, not stack traces. */
    private static String shorten(String message) {
        String s = message == null ? "unknown error" : message.strip().lines().findFirst().orElse("");
        return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static boolean isBlank(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != 0x0B && b != '\f') {
                return false;
            }
        }
        return true;
    }

    /** A charset other than UTF-8 declared by {@code <meta charset>} or http-equiv, else null. */
    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, CHARSET_SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        Charset cs;
        try {
            cs = Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            return null; // unknown name: strict UTF-8 decides
        }
        if (cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.US_ASCII)) {
            return null;
        }
        // Browsers read "iso-8859-1" pages as windows-1252, and so do real pages' authors.
        if (cs.equals(StandardCharsets.ISO_8859_1) && Charset.isSupported("windows-1252")) {
            return Charset.forName("windows-1252");
        }
        return cs;
    }

    private static String decodeUtf8(byte[] bytes, int start) throws InvalidUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer chars = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, chars, true);
        if (result.isError()) {
            throw new InvalidUtf8(in.position()); // absolute, 0-based offset in the file
        }
        result = decoder.flush(chars);
        if (result.isError()) {
            throw new InvalidUtf8(in.position());
        }
        return chars.flip().toString();
    }

    /** Carries the offset of the first bad byte; no stack trace needed. */
    private static final class InvalidUtf8 extends Exception {
        private final int offset;

        InvalidUtf8(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }

    /** Holds one file's events until the file is done. */
    private static final class Buffer implements ParseListener {
        private final List<Consumer<ParseListener>> events = new ArrayList<>();

        @Override
        public void fileSeen(String locator) {
            events.add(l -> l.fileSeen(locator));
        }

        @Override
        public void document(ParsedDocument document) {
            events.add(l -> l.document(document));
        }

        @Override
        public void skipped(Skipped skipped) {
            events.add(l -> l.skipped(skipped));
        }

        @Override
        public void warning(String locator, String message) {
            events.add(l -> l.warning(locator, message));
        }

        void replayTo(ParseListener target) {
            events.forEach(e -> e.accept(target));
        }
    }
}
