package dev.newsportal.entities;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.ja.dict.TokenInfoFST;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.IntsRef;
import org.apache.lucene.util.fst.FST;

/**
 * Japanese names from the kuromoji morphological analyser (Lucene, IPADIC): its proper-noun tags
 * ({@code 名詞-固有名詞-人名/組織/地域}) with heuristics on top.
 *
 * <ul>
 *   <li><b>Companies</b>: a run of nouns that contains a proper noun, katakana or Latin word and ends with an
 *       organisation token or a company head word ({@code 航空}, {@code 自動車}, {@code 銀行}, {@code テレビ},
 *       {@code 社}, {@code 株式会社} ...) is one name, legal form included ({@code ノースウェスト航空},
 *       {@code トヨタ自動車株式会社}). One ending in a political or non-commercial head ({@code 党}, {@code 省},
 *       {@code 大学}, {@code 協会} ...) is an organisation but not a company ({@link EntityType#MISC}).</li>
 *   <li><b>Persons</b>: consecutive person tokens are one name (surname + given name), with a single-kanji prefix
 *       before a surname and katakana directly after a katakana given name; katakana words joined by a middle dot
 *       are one name ({@code ロバート・キャロル}); a katakana word the dictionary does not know, followed by an
 *       honorific or role ({@code 氏}, {@code さん}, {@code 監督} ...), is a person.</li>
 *   <li>Latin-script words that kuromoji does not know come out as organisations; they are kept only as part of a
 *       company name with a head word (the registry matcher handles the well-known ones).</li>
 * </ul>
 * Only {@code "ja"} is handled. Thread-safe (one tokenizer per thread).
 */
public final class KuromojiExtractor implements EntityExtractor {

    static final Set<String> PERSON_SUFFIXES = Set.of("氏", "さん", "様", "君", "くん", "ちゃん", "殿", "社長", "会長",
            "監督", "選手", "容疑者", "被告", "議員", "知事", "大統領", "首相", "教授", "博士", "夫人", "外相", "長官",
            "CEO", "ＣＥＯ", "代表", "理事長", "総裁", "将軍", "王", "卿", "師", "投手", "捕手", "内野手", "外野手",
            "船長", "市長", "町長", "村長", "区長", "中佐", "大佐", "少佐", "中将", "大将", "少将", "中尉", "大尉", "少尉",
            "伯爵", "公爵", "侯爵", "男爵", "子爵", "個人", "部長", "課長", "局長", "所長", "院長", "校長", "署長", "館長",
            "店長", "議長", "委員長", "副社長", "専務", "常務", "取締役", "主将", "コーチ", "弁護士", "記者", "教諭",
            "准教授", "講師", "医師", "選手権", "陛下", "殿下", "法王", "皇帝", "天皇", "上人", "和尚", "名人", "九段",
            "八段", "七段", "六段", "五段", "四段", "三段", "二段", "初段", "本人", "自身", "一行", "夫妻", "親子", "兄弟");

    /** Words after which a katakana name is a place, not a person. */
    static final Set<String> PLACE_SUFFIXES = Set.of("市", "州", "県", "村", "町", "島", "川", "山", "湖", "港", "駅", "空港",
            "地区", "通り", "公園", "城", "寺", "郡", "区", "半島", "海", "湾", "峠", "高原", "平原", "砂漠", "諸島", "沖",
            "王国", "共和国", "帝国", "公国", "地方", "市内", "近郊", "郊外", "出身", "生まれ", "在住");

    /** Words after which a katakana name is a place: "フロリダ州ペンサコーラ". */
    static final Set<String> PLACE_PREFIXES = Set.of("州", "県", "市", "国", "省", "地区", "郡", "島");

    /** One-kanji suffixes that are not the end of a name. */
    static final Set<String> NOT_NAME_SUFFIXES = Set.of("等", "達", "家", "側", "派", "流", "式", "型", "性", "化", "的", "役",
            "賞", "邸", "像", "組", "杯", "号", "館", "殿", "様", "君", "氏", "門", "下", "自身", "本人", "一家", "夫妻", "兄弟",
            "姉妹", "親子", "父", "母", "兄", "弟", "姉", "妹", "妻", "夫", "長", "作", "著", "訳", "編", "監修", "原作", "脚本");

    /** What follows a name in a sentence: an unknown katakana word before one of these is taken for a person. */
    static final Set<String> NAME_FOLLOWERS = Set.of("は", "が", "と", "に", "も", "の", "、", "ら", "から", "へ", "や");

    /** Words that end a company's name. */
    static final Set<String> COMPANY_HEADS = Set.of("社", "株式会社", "有限会社", "航空", "自動車", "銀行", "証券", "新聞",
            "新聞社", "放送", "テレビ", "鉄道", "電鉄", "電機", "電気", "工業", "製作所", "商事", "物産", "建設", "食品",
            "製薬", "興業", "出版", "書店", "通信", "化学", "重工", "重工業", "製鉄", "石油", "電力", "ガス", "保険",
            "生命", "運輸", "交通", "バス", "タクシー", "商会", "商店", "産業", "技研", "精機", "工務店", "不動産", "百貨店",
            "ホールディングス", "グループ", "HD", "プロダクション", "エンターテインメント", "スタジオ", "レコード", "映画",
            "レコーズ", "ミュージック", "コーポレーション", "カンパニー", "インターナショナル", "ジャパン", "JAPAN", "機構",
            "製菓", "酒造", "醸造", "紡績", "製紙", "ビール", "倉庫", "海運", "汽船", "商船", "急行", "開発", "企画",
            "システムズ", "テクノロジーズ", "エレクトロニクス", "ネットワークス", "ソフト", "ゲームス", "ゲームズ", "薬品",
            "キャピタル", "パートナーズ", "ホールディング", "メディア", "ブラザーズ", "モーターズ", "エアラインズ", "エアウェイズ",
            "プロ", "工房", "電灯", "製造", "インク", "ファンド", "ファイナンス", "フーズ", "ストアーズ");

    /** Words that end the name of an organisation that is not a company (not in the company facet). */
    static final Set<String> OTHER_ORG_HEADS = Set.of("党", "省", "庁", "軍", "議会", "政府", "委員会", "裁判所", "警察",
            "大学", "学校", "高校", "中学", "小学校", "学院", "学園", "協会", "連盟", "組合", "団体", "財団", "連合", "クラブ",
            "FC", "チーム", "教会", "寺", "神社", "部", "局", "隊", "団", "会", "学会", "研究所", "病院", "博物館", "美術館");

    private record Token(String surface, String pos, int start, int end, boolean known) {
        boolean person() {
            return pos.startsWith("名詞-固有名詞-人名");
        }

        boolean surname() {
            return pos.startsWith("名詞-固有名詞-人名-姓");
        }

        boolean organisation() {
            return pos.startsWith("名詞-固有名詞-組織");
        }

        boolean place() {
            return pos.startsWith("名詞-固有名詞-地域");
        }

        boolean properNoun() {
            return pos.startsWith("名詞-固有名詞");
        }

        boolean nounLike() {
            return (pos.startsWith("名詞") && !pos.startsWith("名詞-数") && !pos.startsWith("名詞-非自立")
                    && !pos.startsWith("名詞-代名詞") && !pos.startsWith("名詞-副詞可能")
                    && !pos.startsWith("名詞-接尾-助数詞") && !pos.startsWith("名詞-接尾-人名"))
                    || pos.startsWith("接頭詞-名詞接続") || katakana() || latin();
        }

        boolean katakana() {
            return !surface.isEmpty() && surface.codePoints().allMatch(NameNormalizer::isKatakana);
        }

        boolean latin() {
            return !surface.isEmpty() && surface.codePoints().allMatch(c -> NameNormalizer.isWordChar(c) || c == '.'
                    || c == '&' || c == '-') && surface.codePoints().anyMatch(Character::isLetter);
        }

        boolean dot() {
            return surface.equals("・") || surface.equals("･") || surface.equals("=") || surface.equals("＝");
        }

        boolean singleHan() {
            return surface.length() == 1 && NameNormalizer.isHan(surface.charAt(0));
        }

        /** Something that can start a company name. */
        boolean nameLike() {
            return properNoun() || katakana() || latin();
        }
    }

    private final ThreadLocal<JapaneseTokenizer> tokenizers = ThreadLocal.withInitial(
            () -> new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL));

    @Override
    public List<EntitySpan> extract(String text, String language) {
        if (!"ja".equals(language) || text == null || text.isBlank()) {
            return List.of();
        }
        List<Token> tokens = tokenize(text);
        EntityType[] types = new EntityType[tokens.size()];
        boolean[] begins = new boolean[tokens.size()];
        companies(tokens, types, begins);
        persons(tokens, types, begins);
        // the rest of the proper nouns
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (types[i] != null) {
                continue;
            }
            if (t.organisation() && t.known() && !adverbialReading(t.surface())) {
                types[i] = otherOrganisation(t.surface()) ? EntityType.MISC : EntityType.COMPANY;
                begins[i] = true;
            } else if (t.place()) {
                types[i] = EntityType.LOCATION;
                begins[i] = i == 0 || !tokens.get(i - 1).place();
            }
        }
        List<EntitySpan> spans = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (types[i] == null) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && types[j] == types[i] && !begins[j]) {
                j++;
            }
            int[] byline = types[i] == EntityType.PERSON ? byline(text, tokens.get(i).start(), tokens.get(j - 1).end())
                    : null;
            if (byline != null && !spans.isEmpty() && spans.get(spans.size() - 1).end() > byline[0]) {
                byline = null;
            }
            for (int k = j; byline != null && k < tokens.size() && tokens.get(k).start() < byline[1]; k++) {
                if (types[k] != null) {
                    byline = null;
                }
            }
            spans.add(byline != null ? EntitySpan.of(text, EntityType.PERSON, byline[0], byline[1])
                    : EntitySpan.of(text, types[i], tokens.get(i).start(), tokens.get(j - 1).end()));
            i = j;
        }
        return spans;
    }

    /** Noun runs that end with an organisation token or a company head word. */
    private static void companies(List<Token> tokens, EntityType[] types, boolean[] begins) {
        int a = 0;
        while (a < tokens.size()) {
            if (!tokens.get(a).nounLike()) {
                a++;
                continue;
            }
            int b = a;
            while (b < tokens.size() && (tokens.get(b).nounLike() || tokens.get(b).dot() && b > a
                    && b + 1 < tokens.size() && tokens.get(b - 1).katakana() && tokens.get(b + 1).katakana())) {
                b++;
            }
            // [a, b) is a noun run: the last head in it, the first name-like token before the head
            int head = -1;
            for (int k = b - 1; k >= a; k--) {
                Token t = tokens.get(k);
                if ((t.organisation() && t.known()) || COMPANY_HEADS.contains(t.surface())
                        || OTHER_ORG_HEADS.contains(t.surface()) && k > a) {
                    head = k;
                    break;
                }
            }
            if (head >= 0) {
                int first = -1;
                for (int k = a; k <= head; k++) {
                    Token t = tokens.get(k);
                    if (t.nameLike() || t.surface().equals("株式会社") || t.surface().equals("有限会社")) {
                        first = k;
                        break;
                    }
                }
                Token h = tokens.get(head);
                boolean headOnly = first == head && !(h.organisation() && h.known());
                // a lone organisation token that is also an adverbial noun: "毎日" (every day), not the newspaper
                boolean adverb = first == head && h.organisation() && adverbialReading(h.surface());
                if (first >= 0 && !headOnly && !adverb) {
                    // a trailing legal form belongs to the name
                    int last = head;
                    if (last + 1 < b && (tokens.get(last + 1).surface().equals("株式会社")
                            || tokens.get(last + 1).surface().equals("社"))) {
                        last++;
                    }
                    boolean other = OTHER_ORG_HEADS.contains(h.surface()) || h.organisation()
                            && otherOrganisation(h.surface());
                    for (int k = first; k <= last; k++) {
                        types[k] = other ? EntityType.MISC : EntityType.COMPANY;
                    }
                    begins[first] = true;
                }
            }
            a = b;
        }
    }

    /** Person-token runs, katakana chains joined by middle dots, unknown katakana words before an honorific. */
    private static void persons(List<Token> tokens, EntityType[] types, boolean[] begins) {
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (types[i] != null) {
                i++;
                continue;
            }
            int start = i;
            int j = i;
            boolean person = false;
            if (t.person() || t.katakana()) {
                boolean anyPerson = t.person();
                boolean anyPlace = t.place();
                boolean anyOrg = t.organisation();
                boolean anyUnknown = !t.known() || t.person();
                boolean dotted = false;
                j = i + 1;
                while (j < tokens.size() && types[j] == null) {
                    Token n = tokens.get(j);
                    Token p = tokens.get(j - 1);
                    // katakana (and initials) joined by middle dots; kanji names joined by a dot are a list
                    if (n.dot() && j + 1 < tokens.size() && types[j + 1] == null
                            && (tokens.get(j + 1).katakana() || initial(tokens.get(j + 1)))
                            && (p.katakana() || initial(p))) {
                        dotted = true;
                        anyUnknown |= !tokens.get(j + 1).known() || tokens.get(j + 1).person();
                        j += 2;
                        continue;
                    }
                    // adjacent katakana tokens are one word ("ヘル" + "マン"), inside a name
                    boolean continues = p.person() && n.person() && !(p.katakana() ^ n.katakana())
                            || p.katakana() && n.katakana() && p.end() == n.start() && !n.pos().startsWith("名詞-接尾");
                    if (!continues) {
                        break;
                    }
                    anyPerson |= n.person();
                    anyPlace |= n.place();
                    anyOrg |= n.organisation();
                    j++;
                }
                Token next = j < tokens.size() ? tokens.get(j) : null;
                Token before = i > 0 ? tokens.get(i - 1) : null;
                boolean honorific = next != null && (PERSON_SUFFIXES.contains(next.surface())
                        || next.pos().startsWith("名詞-接尾-人名"));
                boolean polite = next != null && (HONORIFICS.contains(next.surface())
                        || next.pos().startsWith("名詞-接尾-人名"));
                boolean placeContext = t.katakana() && (next != null && PLACE_SUFFIXES.contains(next.surface())
                        || before != null && PLACE_PREFIXES.contains(before.surface()));
                int length = tokens.get(j - 1).end() - t.start();
                if (placeContext) {
                    for (int k = i; k < j; k++) {
                        types[k] = EntityType.LOCATION;
                    }
                    begins[i] = true;
                    i = j;
                    continue;
                }
                // katakana words run together without a middle dot, one of them a common noun, are a loanword
                // compound ("ハード" + "ワーク"), not a foreign name (written "ジョン・スミス")
                boolean loanCompound = false;
                if (!dotted && j > i + 1 && !honorific) {
                    for (int k = i; k < j; k++) {
                        Token c = tokens.get(k);
                        loanCompound |= c.katakana() && c.known() && c.pos().startsWith("名詞-一般");
                    }
                }
                if (anyPerson && !anyPlace && !anyOrg && !loanCompound) {
                    person = true;
                } else if (dotted && !anyPlace && !anyOrg && anyUnknown) {
                    // a chain of dictionary words is a compound ("ライブ・アルバム"), not a name
                    person = true;
                } else if (t.katakana() && !anyPlace && !anyOrg && (honorific
                        || anyUnknown && length >= 3 && length <= 8 && j == i + 1 && next != null
                                && NAME_FOLLOWERS.contains(next.surface())
                                && (before == null || !before.surface().equals("の")))) {
                    // (after "の" an unknown word is a thing: "メッセージのスレッドは")
                    person = true;
                }
                if (person) {
                    // a one-kanji prefix of a surname ("大" + "張正己"), a one-kanji suffix of a full name ("李肇" + "星")
                    if (t.surname() && i > 0 && types[i - 1] == null && tokens.get(i - 1).singleHan()
                            && tokens.get(i - 1).pos().startsWith("接頭詞")) {
                        start = i - 1;
                    }
                    if (next != null && next.singleHan() && next.pos().startsWith("名詞-接尾-一般") && types[j] == null
                            && j - i >= 2 && tokens.get(i).surname() && !OTHER_ORG_HEADS.contains(next.surface())
                            && !COMPANY_HEADS.contains(next.surface()) && !NOT_NAME_SUFFIXES.contains(next.surface())) {
                        j++;
                    }
                    // a kanji given name the dictionary splits: "松友" + "美" + "佐紀"
                    int kanji = 0;
                    for (int k = i; k < j; k++) {
                        kanji += tokens.get(k).surface().length();
                    }
                    while (j < tokens.size() && types[j] == null && tokens.get(i).surname() && kanji < 5
                            && tokens.get(j).surface().codePoints().allMatch(NameNormalizer::isHan)
                            && tokens.get(j).surface().length() <= 2 && kanji + tokens.get(j).surface().length() <= 6
                            && (tokens.get(j).pos().startsWith("名詞-一般") || tokens.get(j).pos().startsWith("名詞-固有名詞")
                                    || tokens.get(j).pos().startsWith("名詞-数"))
                            && !OTHER_ORG_HEADS.contains(tokens.get(j).surface())
                            && !COMPANY_HEADS.contains(tokens.get(j).surface())
                            && !PERSON_SUFFIXES.contains(tokens.get(j).surface())
                            && !NOT_NAME_SUFFIXES.contains(tokens.get(j).surface())) {
                        kanji += tokens.get(j).surface().length();
                        j++;
                    }
                    if (!dotted && ordinaryWord(tokens, start, j, polite)) {
                        i = j;
                        continue;
                    }
                }
            }
            if (person) {
                for (int k = start; k < j; k++) {
                    types[k] = EntityType.PERSON;
                }
                begins[start] = true;
                i = j;
            } else {
                i++;
            }
        }
    }

    /**
     * Whether a person candidate (tokens {@code [from, to)}, not a dotted chain) is an ordinary word: a single
     * character ("笑" of "（笑）", "美"); a kana word the dictionary knows as a pronoun ("オレ", "キミ"), unless it is
     * also a name of the dictionary and has an honorific ("キミさん"); or a katakana word of
     * {@code common-katakana-ja.txt} (loanwords and katakana-written common nouns: "ブログ", "イケメン", "カラダ")
     * that is neither a given name of the dictionary nor followed by an honorific.
     */
    static boolean ordinaryWord(List<Token> tokens, int from, int to, boolean polite) {
        StringBuilder surface = new StringBuilder();
        boolean kana = true;
        boolean katakana = true;
        boolean givenName = false;
        boolean pronoun = false;
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            surface.append(t.surface());
            kana &= t.surface().codePoints().allMatch(c -> NameNormalizer.isKatakana(c) || NameNormalizer.isHiragana(c));
            katakana &= t.katakana();
            givenName |= t.pos().startsWith("名詞-固有名詞-人名-名");
            if (t.pos().startsWith("名詞-代名詞") || t.person() && t.surface().codePoints().allMatch(
                    c -> NameNormalizer.isKatakana(c) || NameNormalizer.isHiragana(c))) {
                List<String> readings = readings(t.surface());
                pronoun |= readings.stream().anyMatch(p -> p.startsWith("名詞-代名詞")) && (!polite
                        || readings.stream().noneMatch(p -> p.startsWith("名詞-固有名詞-人名")));
            }
        }
        String s = surface.toString();
        if (s.codePointCount(0, s.length()) == 1) {
            return true;
        }
        if (kana && pronoun) {
            return true;
        }
        return katakana && !givenName && !polite && COMMON_KATAKANA.get().contains(s);
    }

    /**
     * The whole name of a byline when a person is part of one: in "（オフィスエムツー／佐枝せつこ）" or "（文／神田はるひ）"
     * everything between the slash and the closing bracket is the writer's name, though the dictionary may know only
     * a part of it ("せつこ", "神田はる"). Null when the person is not in such a byline.
     */
    static int[] byline(String text, int start, int end) {
        int a = start;
        while (a > 0 && nameChar(text.charAt(a - 1))) {
            a--;
        }
        int b = end;
        while (b < text.length() && nameChar(text.charAt(b))) {
            b++;
        }
        if (a == 0 || b >= text.length() || "／/".indexOf(text.charAt(a - 1)) < 0 || "）)".indexOf(text.charAt(b)) < 0
                || b - a > 10 || a == start && b == end) {
            return null;
        }
        int open = text.lastIndexOf('（', a);
        int ascii = text.lastIndexOf('(', a);
        int newline = text.lastIndexOf('\n', a);
        return Math.max(open, ascii) > newline && a - Math.max(open, ascii) <= 30 ? new int[] {a, b} : null;
    }

    private static boolean nameChar(char c) {
        return NameNormalizer.isHan(c) || NameNormalizer.isKatakana(c) || NameNormalizer.isHiragana(c) || c == '々';
    }

    /** Honorifics proper (not role words): after one, even a common word is someone's name ("キミさん"). */
    static final Set<String> HONORIFICS = Set.of("氏", "さん", "様", "君", "くん", "ちゃん", "殿");

    private static final java.util.function.Supplier<Set<String>> COMMON_KATAKANA = memoize(() -> {
        Set<String> words = new java.util.HashSet<>();
        try (java.io.InputStream in = KuromojiExtractor.class.getResourceAsStream("/entities/common-katakana-ja.txt")) {
            if (in == null) {
                return Set.of();
            }
            java.io.BufferedReader reader = new java.io.BufferedReader(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.split("\t")[0].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    });

    private static <T> java.util.function.Supplier<T> memoize(java.util.function.Supplier<T> supplier) {
        return new java.util.function.Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = supplier.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }

    /** Whether the dictionary also knows the word as an adverbial noun or adverb ("毎日": every day). */
    static boolean adverbialReading(String surface) {
        return readings(surface).stream().anyMatch(p -> p.startsWith("名詞-副詞可能") || p.startsWith("副詞"));
    }

    /** The parts of speech of the dictionary's entries for exactly this word (empty when it has none). */
    static List<String> readings(String surface) {
        try {
            TokenInfoDictionary dictionary = TokenInfoDictionary.getInstance();
            TokenInfoFST fst = dictionary.getFST();
            FST.BytesReader reader = fst.getBytesReader();
            FST.Arc<Long> arc = fst.getFirstArc(new FST.Arc<>());
            long output = 0;
            for (int i = 0; i < surface.length(); i++) {
                if (fst.findTargetArc(surface.charAt(i), arc, arc, i == 0, reader) == null) {
                    return List.of();
                }
                output += arc.output();
            }
            if (!arc.isFinal()) {
                return List.of();
            }
            IntsRef ids = new IntsRef();
            dictionary.lookupWordIds((int) (output + arc.nextFinalOutput()), ids);
            List<String> pos = new ArrayList<>(ids.length);
            for (int k = 0; k < ids.length; k++) {
                pos.add(dictionary.getPartOfSpeech(ids.ints[ids.offset + k]));
            }
            return pos;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Latin initial inside a katakana name: "ジョン・F・ケネディ". */
    private static boolean initial(Token t) {
        String s = t.surface().endsWith(".") ? t.surface().substring(0, t.surface().length() - 1) : t.surface();
        return s.length() == 1 && Character.isLetter(s.charAt(0)) && s.charAt(0) < 0x2000
                || s.length() == 1 && s.charAt(0) >= 0xff21 && s.charAt(0) <= 0xff3a;
    }

    private static boolean otherOrganisation(String surface) {
        for (String head : OTHER_ORG_HEADS) {
            if (surface.endsWith(head) && surface.length() > head.length()) {
                return true;
            }
        }
        return false;
    }

    private List<Token> tokenize(String text) {
        JapaneseTokenizer tokenizer = tokenizers.get();
        List<Token> tokens = new ArrayList<>();
        try {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
            ReadingAttribute reading = tokenizer.addAttribute(ReadingAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String p = pos.getPartOfSpeech();
                tokens.add(new Token(term.toString(), p == null ? "" : p, offset.startOffset(), offset.endOffset(),
                        reading.getReading() != null));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException e) {
                // a StringReader does not fail to close
            }
        }
        return tokens;
    }
}
