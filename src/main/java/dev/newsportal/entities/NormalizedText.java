package dev.newsportal.entities;

import java.text.Normalizer;

/**
 * A text in the matching form of {@link NameNormalizer#basic(String)} with the way back to the original: for every
 * char of the normalised text, the offsets of the original chars it came from.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;

    private NormalizedText(String original, String text, int[] starts, int[] ends) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /** Normalises: NFKC (width), lower case, one apostrophe, no middle dots or spaces inside katakana names. */
    public static NormalizedText of(String original) {
        int n = original.length();
        StringBuilder out = new StringBuilder(n);
        int[] st = new int[n + 8];
        int[] en = new int[n + 8];
        int i = 0;
        while (i < n) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            while (next < n && isCombining(original.codePointAt(next))) {
                next += Character.charCount(original.codePointAt(next)); // ﾊﾞ -> バ: NFKC composes with the mark
            }
            String piece;
            if (cp < 0x80 && next == i + 1) {
                piece = String.valueOf((char) Character.toLowerCase(cp));
            } else {
                String nfkc = Normalizer.normalize(original.substring(i, next), Normalizer.Form.NFKC);
                StringBuilder lower = new StringBuilder(nfkc.length());
                nfkc.codePoints().forEach(c -> lower.appendCodePoint(NameNormalizer.foldChar(Character.toLowerCase(c))));
                piece = lower.toString();
            }
            for (int k = 0; k < piece.length(); k++) {
                if (out.length() == st.length) {
                    st = java.util.Arrays.copyOf(st, st.length * 2);
                    en = java.util.Arrays.copyOf(en, en.length * 2);
                }
                st[out.length()] = i;
                en[out.length()] = next;
                out.append(piece.charAt(k));
            }
            i = next;
        }
        // Second pass: drop separators (middle dot, spaces) between katakana.
        StringBuilder compact = new StringBuilder(out.length());
        int[] cst = new int[out.length()];
        int[] cen = new int[out.length()];
        for (int k = 0; k < out.length(); k++) {
            char c = out.charAt(k);
            if (NameNormalizer.isKatakanaSeparator(c) && NameNormalizer.katakanaAround(out, k)) {
                continue;
            }
            cst[compact.length()] = st[k];
            cen[compact.length()] = en[k];
            compact.append(c);
        }
        int len = compact.length();
        return new NormalizedText(original, compact.toString(), java.util.Arrays.copyOf(cst, len),
                java.util.Arrays.copyOf(cen, len));
    }

    private static boolean isCombining(int c) {
        if (c == 0xff9e || c == 0xff9f || c == 0x3099 || c == 0x309a) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    /** The normalised text. */
    public String text() {
        return text;
    }

    public String original() {
        return original;
    }

    /** Original offset where the normalised char at {@code index} starts ({@code original.length()} at the end). */
    public int originalStart(int index) {
        return index >= starts.length ? original.length() : starts[index];
    }

    /** Original offset where the normalised range ending before {@code index} ends (exclusive). */
    public int originalEnd(int index) {
        return index <= 0 ? 0 : ends[index - 1];
    }
}
