package org.redress.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new text of a plain-text reply: quoted history, embedded earlier mails, forwarded-header blocks and
 * signatures removed. Every line is given one class (empty, delimiter, mobile signature, embedded-mail
 * header, header field, quote, text) and the cuts are decided on that string of classes, the way Discourse's
 * email_reply_trimmer does; the patterns are ours and cover the desk's languages (en, ro, ru, et, vi) as well
 * as de, fr, es, it, pt, nl, pl, the Nordic languages, zh, ja and ko.
 *
 * <p>Never returns an empty text for a non-blank input: when everything would be cut, the whole text is
 * kept, because a complaint must never be stored empty. Work is linear in the input: each pattern runs on
 * one line at a time, bounded to its first {@value #MAX_LINE} characters.
 */
final class ReplyText {

    static final char EMPTY = 'e';
    static final char DELIMITER = 'd';
    static final char SIGNATURE = 's';
    static final char EMBEDDED = 'b';
    static final char HEADER = 'h';
    static final char QUOTE = 'q';
    static final char TEXT = 't';

    /** Longer lines are classified by their start only: no quote header is this long, and it bounds regex work. */
    private static final int MAX_LINE = 400;

    private static final String RULE_CHARS = "-_,=+~#*ᐧ—";
    /** The first words (lower case) of the {@link #MOBILE_SIGNATURE} forms that begin with a fixed word. */
    private static final java.util.Set<String> SIGNATURE_FIRST_WORDS = java.util.Set.of("sent", "from", "get", "envoyé",
            "gesendet", "von", "diese", "inviato", "sendt", "enviado", "verzonden", "verstuurd", "skickat", "från", "trimis",
            "отправлено", "saadetud", "được", "изпратено", "poslano", "odesláno", "odoslané", "lähetetty", "στάλθηκε", "seolta",
            "nosūtīts", "išsiųsta", "mibgħut", "wysłane", "надіслано", "أُرسلت", "أرسلت", "נשלח", "outlook");
    /** How the other forms end, or what they hold: "iPhone'umdan gönderildi", "iPhoneから送信", "… from mobile". */
    private static final List<String> SIGNATURE_MARKS = List.of("gönderildi", "から送信", "에서 보냄", "küldve", "from mobile",
            "從我的", "发自我的", "从我的");
    /** How far into a line (past its indent) the colon of a header field or a forward intro can be. */
    private static final int MAX_KEY = 48;

    private static final Pattern MOBILE_SIGNATURE = Pattern.compile("^[ \\t]*(?:"
            + "[(<]*sent (?:from|via|with|by) (?:\\S+\\s*){1,6}[)>]*$"
            + "|[(<]*sent (?:from|via|with|by) .*(?:excuse|typo|brevity)"
            + "|\\w+ from mobile"
            + "|from my .{1,20}$"
            + "|get outlook for"
            + "|envoyé (?:depuis|de) (?:mon|yahoo mail)"
            + "|envoyé à partir de "
            + "|gesendet (?:von|mit) (?:meinem |outlook|\\S+ für)"
            + "|von meinem .+ gesendet"
            + "|diese nachricht wurde von .+ gesendet"
            + "|inviato da "
            + "|sendt fra min "
            + "|enviado (?:do meu|desde mi) "
            + "|verzonden (?:met|vanaf) "
            + "|verstuurd vanaf mijn "
            + "|(?:skickat )?från min "
            + "|изпратено от "
            + "|poslano (?:s|iz|sa) "
            + "|odesláno z "
            + "|odoslané z "
            + "|lähetetty \\S+(?:sta|stä)$"
            + "|στάλθηκε από "
            + "|\\S+-(?:ról|ről) küldve$"
            + "|seolta ó "
            + "|nosūtīts no "
            + "|išsiųsta iš "
            + "|mibgħut mill-"
            + "|wysłane z "
            + "|надіслано з "
            + "|\\S+'(?:umdan|imden|dan|den|tan|ten) gönderildi$"
            + "|أُ?رسلت من "
            + "|נשלח מ"
            + "|从我的\\S+发送"
            + "|\\S+から送信$"
            + "|von outlook für \\S+ gesendet"
            + "|outlook für (?:ios|android) (?:herunterladen|beziehen)"
            + "|.{1,40}?(?:ról|ről) küldve\\.?$"
            + "|\\S+에서 보냄$"
            + "|trimis de pe "
            + "|отправлено с (?:моего )?"
            + "|saadetud minu "
            + "|được gửi từ "
            + "|從我的 iphone 傳送"
            + "|发自我的"
            + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A date after a few words, as clients in many languages begin a reply header: "На пн, 3.06", "Στις Δευ 3",
     * "pirmd., 2024", "Fit-Tne, 3", "في الاثنين، 3", "בתאריך יום ב׳, 3".
     */
    private static final String DATE_START = "(?:[\\p{L}\\p{M}.'׳/-]{1,16}[ ,،]+){1,4}\\d";

    /**
     * Verbs that end an "On <date>, <someone> wrote:" line, in many languages. The look-ahead holds each one's first
     * letter: the patterns try the verb at every position of a line, and one class test there is far cheaper than
     * the whole alternation (#22).
     */
    private static final List<String> WROTE_FORMS = List.of("wrote", "writes", "said", "says", "schrieb(?: am| Sie)?",
            "geschrieben", "a\\s+écrit", "nous a dit", "escribió", "ha escrit", "escreveu", "ha scritto", "schreef",
            "het volgende geschreven", "skrev", "napisał(?:\\(a\\))?", "napisal(?:\\(a\\))?", "napisao je", "napisala je",
            "napísal(?:\\(a\\))?", "pisze", "написал(?:\\(а\\)|а)?", "написа", "пишет", "пише", "a scris", "au scris",
            "kirjutas", "kirjutasid", "đã viết", "viết", "写道", "寫道", "작성", "のメッセージ", "kirjoitti", "írta",
            "napsal(?:\\(a\\))?", "έγραψε", "rakstīja", "rašė", "kiteb", "şunu yazdı", "yazdı");
    private static final String WROTE = "(?=[" + firstLetters(WROTE_FORMS) + "\\u0080-\\uffff])(?:" + String.join("|", WROTE_FORMS) + ")";

    /**
     * Embedded-mail headers that end in a "wrote" verb: tried only on lines holding one of {@link #VERB_STEMS}, and
     * on the line lower-cased (patterns written lower case, no case-blind flag): a case-blind Unicode class or
     * literal costs a case lookup for each character at each position, which made one "wrote:" line cost 10 µs.
     */
    private static final Pattern[] WROTE_HEADERS = {
            // On <date>, <someone> wrote: (and its translations, where the verb ends the line)
            lowered("^[ \\t<>*-]*(?:On|At|Le|Am|El|Em|Il|Op|Den|Dnia|Dňa|W dniu|Pe|În|In data de|Vào lúc|Vào|Kirjutas|Dne"
                    + "|\\d|\\p{L}{2,4}\\.?,? \\d|" + DATE_START + "(?=.*(?:@|\\d[:.]\\d\\d))).{0,300}?" + WROTE + "[ \\t\\u00a0]*[:：]?[ \\t>-]*$"),
            // <someone> <address> wrote: / <someone> schrieb: / ... написал:
            lowered("^[ \\t>]*[^>\\s].{0,200}?(?:@|\\)|>|\\d).{0,120}?\\s" + WROTE + "[ \\t\\u00a0]*[:：][ \\t]*$"),
            lowered("^[ \\t>]*.{1,80} via .{1,80} (?:wrote|schrieb):?[ \\t]*$"),
            // Am 25.06.2015 um 10:55 schrieb Ann: / tir. 18. apr. 2017 kl. 13:09 skrev Ann <ann@example.com>:
            lowered("^[ \\t>]*.{0,40}\\d.{0,100}\\s(?:schrieb|schreef|skrev|escribió|a écrit|kirjutas|scríobh|كتب)\\s[^:]{1,150}:[ \\t]*$"),
            lowered("^[ \\t>]*[^\\s>].{0,80}\\s(?:wrote|schrieb|a écrit|escribió)\\s+(?:on|am|le|el)\\s.{1,120}:[ \\t]*$"),
            // Am 03.06.2024 um 10:00 schrieb Support <support@desk.example>  (no colon)
            lowered("^[ \\t>]*.{0,40}\\d.{0,100}\\s(?:schrieb|schreef|skrev|escribió|a écrit|wrote)\\s[^:<]{1,150}<[^<>\\s]+@[^<>\\s]+>[ \\t]*$"),
            // Ann <ann@example.com> ezt írta (időpont: 2024. jún. 3., H, 10:00):
            lowered("^[ \\t>]*[^\\s>].{0,200}?(?:@|>).{0,40}?\\sezt írta\\s\\(.{1,80}\\):[ \\t]*$"),
            // Ann <ann@example.com> 于2024年6月3日周一 10:00写道： (no blank before the verb)
            lowered("^[ \\t>]*[^\\s>].{0,200}?(?:@|>).{0,120}?(?:写道|寫道|のメッセージ|작성)[ \\t]*[:：]?[ \\t]*$"),
            // Wiadomość napisana przez Ann <ann@example.com> w dniu 03.06.2024, o godz. 10:00: (Apple Mail, Polish)
            lowered("^[ \\t>]*Wiadomość napisana przez .{1,200} w dniu .{1,80}:[ \\t]*$"),
    };

    // 2014-03-20 8:48 GMT+01:00 Someone <someone@example.com>:
    private static final Pattern DATED_ADDRESS = Pattern.compile(
            "^[ \\t>]*\\d{4}[-/.].{1,80}<[^@<>\\s]+@[^@<>\\s]+>[ \\t\\u00a0]*[:：]?[ \\t]*$");
    private static final Pattern DATED_ADDRESS_COLON = Pattern.compile(
            "^[ \\t>]*.{0,40}\\d{4}.{1,80}<[^@<>\\s]+@[^@<>\\s]+\\.[^@<>\\s]+>[ \\t\\u00a0]*[:：][ \\t]*$");
    private static final Pattern ISO_DATE_SOMEONE = Pattern.compile(
            "^[ \\t>]*20\\d\\d-\\d\\d-\\d\\d \\d{1,2}:\\d\\d GMT[+-]\\d\\d:\\d\\d [\\p{L}\\p{N} \\t.'-]+[:]?$");
    private static final Pattern POSTED_BY = Pattern.compile("^[ \\t>]*Posted by .+ on \\d{2}/\\d{2}/\\d{4}$",
            Pattern.CASE_INSENSITIVE);
    /** Forwarded-message lines and original-message separators. */
    private static final java.util.Set<String> FORWARD_INTROS = fieldNames("Begin forwarded message|Début du message réexpédié|Début du message transféré"
                    + "|Anfang der weitergeleiteten Nachricht|Inicio del mensaje reenviado|Начало переадресованного сообщения"
                    + "|Forwarded message|Original message|Vidarebefordrat brev|Vidarebefordrat meddelande|Inizio messaggio inoltrato"
                    + "|Begin doorgestuurd bericht|Początek przekazywanej wiadomości|Início da mensagem reencaminhada"
                    + "|Início da mensagem encaminhada|Start på videresendt besked|Videresendt melding|Välitetty viesti alkaa"
                    + "|Začátek přeposlané zprávy|Továbbított levél kezdete|İletilen ileti başlangıcı|Начало на препратеното съобщение"
                    + "|Початок пересланого повідомлення|Αρχή προωθημένου μηνύματος|転送されたメッセージ|以下是转发的邮件|전달된 메시지");
    private static final Pattern SEPARATOR = Pattern.compile(
            "^[ \\t>*]*+[-‐_=]{2,}+[ \\t*_]*+(?:Forwarded|Original|Reply|Weitergeleitete|Ursprüngliche|Originale?"
                    + "|Message d'origine|Message transféré|Mensaje original|Mensaje reenviado|Messaggio originale"
                    + "|Mensagem original|Oorspronkelijk bericht|Oprindelig meddelelse|Opprinnelig melding|Ursprungligt meddelande"
                    + "|Alkuperäinen viesti|Wiadomość oryginalna|Исходное сообщение|Пересланное сообщение|Mesaj original"
                    + "|Oprindelig besked|Mesaj redirecționat|Algne kiri|Edastatud kiri|Thư gốc|Thư chuyển tiếp|原始邮件|原始郵件|Original|Αρχικό μήνυμα"
                    + "|Messaggio inoltrato|Mensagem encaminhada|Doorgestuurd bericht|Przekazana wiadomość|Oryginalna wiadomość"
                    + "|Vidarebefordrat meddelande|Videresendt (?:besked|melding|meddelelse)|Välitetty viesti|Přeposlaná zpráva"
                    + "|Původní zpráva|Preposlaná správa|Pôvodná správa|Továbbított levél|Eredeti üzenet|Препратено съобщение"
                    + "|Оригинално съобщение|Προωθημένο μήνυμα|Пересылаемое сообщение|Переслане повідомлення|Оригінальне повідомлення"
                    + "|Yönlendirilmiş ileti|Özgün ileti|Orijinal ileti|الرسالة المعاد توجيهها|الرسالة الأصلية|הודעה שהועברה|הודעה מקורית"
                    + "|转发的邮件|轉寄的郵件|転送されたメッセージ|元のメッセージ|전달된 메일|원본 메시지|Tin nhắn đã chuyển tiếp"
                    + "|Edasi saadetud sõnum|Algne sõnum|Pārsūtīta ziņa|Sākotnējā ziņa|Persiųstas laiškas|Originalus laiškas"
                    + "|Proslijeđena poruka|Izvorna poruka|Posredovano sporočilo|Izvirno sporočilo|Teachtaireacht curtha ar aghaidh"
                    + "|Messaġġ mibgħut|Messaġġ oriġinali)"
                    + "[^\\n]{0,40}?[-‐_=]{2,}[ \\t*_]*(?:$|[\\p{L} ]{2,20}[:：])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);


    /** Lower-case fragments of every verb in {@link #WROTE}; a line without one cannot be a "wrote" header. */
    private static final List<String> VERB_STEMS = List.of("wrote", "write", "said", "says", "schrieb", "geschrieben",
            "écrit", "nous a dit", "escri", "escreveu", "scritto", "schreef", "skrev", "napisa", "pisze", "написа", "пишет",
            "пише", "scris", "kirjutas", "viết", "写道", "寫道", "작성", "のメッセージ", "kirjoitti", "írta", "napsal", "napísal",
            "έγραψε", "rakstīja", "rašė", "kiteb", "yazdı", "scríobh", "كتب");

    /** "On ..." lines that a mail client wrapped: joined with the next lines before classifying. */
    private static final Pattern WRAPPED_ON_START = Pattern.compile(
            "^[ \\t>]*(?:On|Le|Am|El|Em|Il|Op|Den|Pe|În|Vào|W dniu|Dnia)\\s.*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The words {@link #WRAPPED_ON_START} begins with, lower case ("w" for "W dniu"). */
    private static final java.util.Set<String> ON_WORDS = java.util.Set.of("on", "le", "am", "el", "em", "il", "op", "den",
            "pe", "în", "vào", "w", "dnia");
    private static final Pattern WRAPPED_DATE_START = Pattern.compile(
            "^[ \\t>]*(?:\\d{1,4}[-./ 年년]|\\p{L}{2,4}\\.?,? \\d|" + DATE_START + ")", Pattern.UNICODE_CASE);
    private static final Pattern WRAPPED_OPEN_ADDRESS = Pattern.compile("<[^>\\s]*$|<[^<>\\s]+@[^<>\\s]+>[ \\t]*$");
    private static final Pattern WRAPPED_VERB = lowered("\\s" + WROTE + "(?:\\s|$)");
    /** Names of the field that holds the date in a quoted header block, in the languages above. */
    private static final String DATE_KEYS = "Sent|Date|Sendt|Gesendet|Gesendet am|Envoyé|Envoyé le|Message du|Datum|Enviada em|Enviado|Fecha|Data|Skickat|Lähetetty|Wysłano|Дата"
                    + "|Отправлено|Trimis|Saadetud|Ngày gửi|Đã gửi|发送时间|日期|Le|Изпратено|Poslano|Odesláno|Odoslané|Verzonden"
                    + "|Στάλθηκε|Elküldve|Seolta|Inviato|Nosūtīts|Išsiųsta|Mibgħut|Надіслано|Gönderildi|Tarih|تم الإرسال|التاريخ"
                    + "|נשלח|תאריך|送信日時|日付|보낸 날짜|날짜|寄件日期";
    /** Names of the other fields of a quoted header block (from, to, copy, subject). */
    private static final String TEXT_KEYS = "From|To|Cc|Reply-To|Subject|Fra|Til|Emne|De|Expéditeur|À|A|Destinataire|Répondre à|Objet|Copie à|Sujet|Kopie"
                    + "|Von|An|Betreff|Para|Assunto|Asunto|Da|Risposta|Oggetto|Van|Beantwoorden - Aan|Aan|Onderwerp"
                    + "|Från|Till|Ämne|Lähettäjä|Vastaanottaja|Aihe|Od|Do|Temat|От|Кому|Копия|Тема|Către|Subiect"
                    + "|Saatja|Saaja|Teema|Từ|Đến|Chủ đề|发件人|收件人|抄送|主题|Komu|Předmět|Predmet|Adressaat|Προς|Θέμα|Κοιν"
                    + "|Feladó|Címzett|Tárgy|Másolat|Chuig|Ábhar|Tēma|Tema|Suġġett|De la|Zadeva|Kimden|Kime|Konu|Bilgi|إلى|الموضوع"
                    + "|נושא|差出人|宛先|件名|보낸 사람|받는 사람|제목|寄件者|收件者|主旨";
    private static final java.util.Set<String> DATE_FIELDS = fieldNames(DATE_KEYS);
    private static final java.util.Set<String> TEXT_FIELDS = fieldNames(TEXT_KEYS);
    /** Senders and recipients: "From: 1 June 2024" in a pasted statement is not a header, a party is never a number. */
    private static final java.util.Set<String> PARTY_FIELDS = fieldNames("From|To|Cc|Fra|Til|De|À|Von|An|Para|Da|Van|Aan|Från"
            + "|Till|Od|Do|От|Кому|Từ|Đến");
    /** Blanks a field name may have around it: French puts a no-break space before the colon. */
    private static final String PAD = "[ \\t*\\u00a0\\u202f]*";
    private static final String PAD_CHARS = " \t*\u00a0\u202f";
    /** Outlook's block flattened onto one line: "Od: … Wysłano: … Do: … Temat: …". */
    private static final Pattern ONE_LINE_BLOCK = Pattern.compile("^" + PAD + "(?:" + TEXT_KEYS + ")" + PAD + "[:：].{1,200}?\\s(?:"
            + DATE_KEYS + ")" + PAD + "[:：].{1,200}?\\s(?:" + TEXT_KEYS + ")" + PAD + "[:：]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** From/To names that are everyday words too ("No", "Za", "Lil"): a field only with an address after them. */
    private static final Pattern ADDRESS_FIELD = Pattern.compile(
            "^[ \\t*]*(?:Šalje|Prima|Za|Od|Ó|No|Kam|Nuo|Minn|Lil|Від|Από|من|מאת|אל)[ \\t*]*[:：].{0,200}[@<\\[]",
            Pattern.UNICODE_CASE);

    private static final int MAX_SIGNATURE_LINES = 20;
    /*
     * Patterns over the message's line classes (one letter per line) are matched by RE2/J: in time linear in the
     * number of lines, whatever the shape. java.util.regex backtracks; MULTILINE_HEADER took 21 s on a complaint with a
     * pasted 500-line statement and ran past the parse timeout on 1,000 lines, holding a core after it. RE2/J finds the
     * same leftmost match as a backtracking engine for patterns like these (no back-references).
     */
    static final com.google.re2j.Pattern BOTTOM_POSTED = com.google.re2j.Pattern.compile("e*b[eqbh]*q[eq]*(t[te]*)");
    private static final Pattern QUOTE_LINE = Pattern.compile("^[ \\t]*>");
    static final com.google.re2j.Pattern CUT_EMBEDDED_NO_QUOTE = com.google.re2j.Pattern.compile("te*b[^q]*$");
    static final com.google.re2j.Pattern CUT_EMBEDDED_THEN_QUOTE = com.google.re2j.Pattern.compile("te*b[eqbh]*[te]*$");
    static final com.google.re2j.Pattern MULTILINE_HEADER = com.google.re2j.Pattern.compile("h+[hte]+h+e");
    static final com.google.re2j.Pattern HEADER_BLOCK = com.google.re2j.Pattern.compile("t[eq]*h{3,}");
    static final com.google.re2j.Pattern HEADER_PAIR_AFTER_TEXT = com.google.re2j.Pattern.compile("te*hh");
    static final com.google.re2j.Pattern TRAILING_QUOTE = com.google.re2j.Pattern.compile("[eq]+$");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]+)\\]\\([^)]+\\)");

    /**
     * How much work one body's lines may take: {@value #LINE_WORK} a line looked at past the cheapest tests, and one
     * a character given to a per-line pattern (each pattern's cost per character is bounded: anchored, bounded repeats, lines cut at
     * {@value #MAX_LINE}). On this machine, warm, it is at most about 30 ms of classifying (the costliest shape, a
     * megabyte of "wrote:" lines, runs about 50 ns a character); what follows costs a fraction of it, linear in
     * the lines, so a body is trimmed within 50 ms. Past it the whole text is kept ({@link OutOfTime}): on the
     * hostile shapes of #22 the patterns cost more than a stranger's mail is worth, and intake must not be tied
     * up by one. Work, not a clock: the same mail is trimmed the same way on a busy machine, a slow one and a cold
     * JVM; {@link #HARD_STOP_NANOS} is only the backstop for a shape nobody measured.
     */
    static final long BUDGET = 400_000L;
    static final long LINE_WORK = 8;
    static final long HARD_STOP_NANOS = 200_000_000L;
    static final int MAX_LINES = 40_000;
    /** Characters given to the per-line patterns in the body being trimmed on this thread. */
    private static final ThreadLocal<long[]> WORK = ThreadLocal.withInitial(() -> new long[2]);

    /** Trimming ran past {@link #BUDGET}: the caller keeps the whole text and says why. */
    static final class OutOfTime extends RuntimeException {
        OutOfTime(int line, int lines) {
            this("the new text could not be told from the quoted mail within the work one body may take (stopped at line "
                    + line + " of " + lines + "); the whole text is kept");
        }

        OutOfTime(String why) {
            super(why, null, false, false);
        }
    }

    private ReplyText() {
    }

    private static Matcher run(Pattern p, String line) {
        WORK.get()[0] += line.length() + 1;
        return p.matcher(line);
    }

    /** The work trimming {@code text} takes, without a limit: what the cost tests compare, never a clock. */
    static long workOf(String text) {
        of(text, Long.MAX_VALUE);
        return WORK.get()[0];
    }

    /**
     * The body's lines; none past {@value #MAX_LINES}: no one types a reply that long, and splitting a megabyte of
     * one-character lines alone costs more than the budget.
     */
    private static List<String> lines(String body) {
        int count = 1;
        for (int at = body.indexOf('\n'); at >= 0; at = body.indexOf('\n', at + 1)) {
            if (++count > MAX_LINES) {
                throw new OutOfTime("the body has more than " + MAX_LINES + " lines; the whole text is kept");
            }
        }
        List<String> lines = new ArrayList<>(count);
        int from = 0;
        for (int at = body.indexOf('\n'); at >= 0; at = body.indexOf('\n', from)) {
            lines.add(body.substring(from, at));
            from = at + 1;
        }
        lines.add(body.substring(from));
        return lines;
    }

    /** Every 64 lines: stop when interrupted (the parse's timeout) or past the budget. */
    private static void checkWork(int line, int lines, long budget) {
        if ((line & 63) != 0) {
            return;
        }
        long[] work = WORK.get();
        if (budget != Long.MAX_VALUE && System.nanoTime() - work[1] > HARD_STOP_NANOS) {
            throw new OutOfTime("the new text could not be told from the quoted mail within " + HARD_STOP_NANOS / 1_000_000
                    + " ms (stopped at line " + line + " of " + lines + "); the whole text is kept");
        }
        if (Thread.currentThread().isInterrupted()) {
            // the parse ran past its timeout and was cancelled: stop here and free the thread
            throw new java.util.concurrent.CancellationException("trimming the reply was cancelled");
        }
        if (work[0] > budget) {
            throw new OutOfTime(line, lines);
        }
    }

    /** The new text of {@code text}, stripped; the whole text (stripped) when nothing would remain. */
    static String of(String text) {
        return of(text, BUDGET);
    }

    /** As {@link #of(String)}, within {@code budget} (see {@link #BUDGET}). */
    static String of(String text, long budget) {
        if (text == null || text.isBlank()) {
            return "";
        }
        long[] work = WORK.get();
        work[0] = 0;
        work[1] = System.nanoTime();
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = lines(normalised);
        StringBuilder pattern = new StringBuilder(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            checkWork(i, lines.size(), budget);
            pattern.append(classify(lines.get(i)));
        }
        joinWrappedHeaders(lines, pattern, budget);
        joinHeaderTails(lines, pattern);
        // a bottom-posted reply: the quoted mail first, the new text after it
        com.google.re2j.Matcher bottom = BOTTOM_POSTED.matcher(pattern);
        if (bottom.matches()) {
            lines.subList(0, bottom.start(1)).clear();
            pattern.delete(0, bottom.start(1));
        }
        // "Sent from my phone" ends what was typed: whatever follows was never the sender's new text
        int firstText = pattern.indexOf(String.valueOf(TEXT));
        int signature = pattern.indexOf(String.valueOf(SIGNATURE));
        if (firstText >= 0 && signature > firstText) {
            truncate(lines, pattern, signature);
        }
        removeAll(lines, pattern, SIGNATURE);
        // delimiters count as empty lines while the quote is found; the signature cut looks at them again
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == DELIMITER) {
                pattern.setCharAt(i, EMPTY);
            }
        }
        cutAtEmbedded(lines, pattern, CUT_EMBEDDED_NO_QUOTE);
        cutAtEmbedded(lines, pattern, CUT_EMBEDDED_THEN_QUOTE);
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == EMBEDDED) {
                pattern.setCharAt(i, EMPTY);
                lines.set(i, "");
            }
        }
        com.google.re2j.Matcher multiline = MULTILINE_HEADER.matcher(pattern);
        if (multiline.find()) {
            for (int i = multiline.start(); i < multiline.end() - 1; i++) {
                pattern.setCharAt(i, HEADER);
            }
        }
        if (!cutAtEmbedded(lines, pattern, HEADER_BLOCK)) {
            cutAtEmbedded(lines, pattern, HEADER_PAIR_AFTER_TEXT);
        }
        removeAll(lines, pattern, HEADER);
        com.google.re2j.Matcher trailing = TRAILING_QUOTE.matcher(pattern);
        if (pattern.indexOf(String.valueOf(TEXT)) >= 0 && trailing.find()) {
            truncate(lines, pattern, trailing.start());
        }
        cutSignatureBlock(lines);
        lines.removeIf(line -> line.length() <= MAX_LINE && isDelimiterLine(line));
        String reply = String.join("\n", lines).strip();
        return reply.isEmpty() ? normalised.strip() : reply;
    }

    static char classify(String full) {
        String line = full.length() > MAX_LINE ? full.substring(0, MAX_LINE) : full;
        if (line.isBlank()) {
            return EMPTY;
        }
        int start = firstVisible(line);
        if (isDelimiterLine(line)) {
            return DELIMITER;
        }
        // every pattern below is tried only where a cheap look at the line's characters says it may match: a
        // matcher made per line costs more than the whole classification of a plain line (#22)
        char first = line.charAt(start);
        int key = keyStart(line);
        if (line.length() - key < 3 && line.strip().length() < 3) {
            // ">", "ok", "> a": too short for any header, signature or separator
            return first == '>' ? QUOTE : TEXT;
        }
        WORK.get()[0] += LINE_WORK;
        if (maySign(line, start)) {
            String unlinked = line.contains("](") ? run(MARKDOWN_LINK, line).replaceAll("$1") : line;
            if (unlinked.length() < 160 && run(MOBILE_SIGNATURE, unlinked).lookingAt()) {
                return SIGNATURE;
            }
        }
        boolean keyed = hasKeyColon(line, key);
        String end = line.stripTrailing();
        String tail = lower(end.substring(Math.max(0, end.length() - 40)));
        String lowered = null;
        if ((tail.endsWith(":") || tail.endsWith("：") || hasVerb(tail) || (tail.endsWith(">") && tail.indexOf('@') >= 0))
                && hasVerb(lowered = lower(line))) {
            for (Pattern p : WROTE_HEADERS) {
                if (run(p, lowered).lookingAt()) {
                    return EMBEDDED;
                }
            }
        }
        if ((line.indexOf('@') >= 0 && (end.endsWith(">") || end.endsWith(">:") || end.endsWith(">：")) && hasYear(line)
                && (run(DATED_ADDRESS, line).lookingAt() || (!end.endsWith(">") && run(DATED_ADDRESS_COLON, line).lookingAt())))
                || (containsIgnoringCase(line, "gmt") && run(ISO_DATE_SOMEONE, line).lookingAt())
                || (containsIgnoringCase(line, "posted by") && run(POSTED_BY, line).lookingAt())
                || (keyed && isForwardIntro(line))
                || (hasRule(line) && run(SEPARATOR, line).lookingAt())) {
            return EMBEDDED;
        }
        if (keyed && first != '>' && line.length() > 60 && run(ONE_LINE_BLOCK, line).lookingAt()) {
            return EMBEDDED;
        }
        if (keyed && first != '>'
                && (isHeaderField(line)
                || (line.indexOf('@') >= 0 || line.indexOf('<') >= 0 || line.indexOf('[') >= 0) && run(ADDRESS_FIELD, line).lookingAt())) {
            return HEADER;
        }
        return first == '>' ? QUOTE : TEXT;
    }

    private static java.util.Set<String> fieldNames(String alternatives) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String name : alternatives.split("\\|")) {
            names.add(lower(name));
        }
        return names;
    }

    /**
     * "Sent: 3 June 2024 10:00", "Subject: Re: your request": a known field name before the colon (looked up, not
     * matched: an alternation of two hundred names tried on every line with a colon cost more than the rest), a date
     * after a date field, a word after the others, and no number where a sender or a recipient belongs.
     */
    private static boolean isHeaderField(String line) {
        int from = 0;
        while (from < line.length() && PAD_CHARS.indexOf(line.charAt(from)) >= 0) {
            from++;
        }
        int colon = keyColon(line, from);
        if (colon < 0) {
            return false;
        }
        int nameEnd = colon;
        while (nameEnd > from && PAD_CHARS.indexOf(line.charAt(nameEnd - 1)) >= 0) {
            nameEnd--;
        }
        String name = lower(line.substring(from, nameEnd));
        String value = line.substring(colon + 1);
        boolean digit = false;
        boolean word = false;
        for (int i = 0; i < value.length() && !(digit && word); i++) {
            char c = value.charAt(i);
            digit |= Character.isDigit(c);
            word |= Character.isLetterOrDigit(c);
        }
        if (DATE_FIELDS.contains(name) && digit) {
            return true;
        }
        if (!TEXT_FIELDS.contains(name) || !word) {
            return false;
        }
        return !(PARTY_FIELDS.contains(name) && !value.isBlank() && Character.isDigit(value.stripLeading().charAt(0)));
    }

    /** "Begin forwarded message:" and its translations, looked up by the words before the colon. */
    private static boolean isForwardIntro(String line) {
        int from = 0;
        while (from < line.length() && (line.charAt(from) == ' ' || line.charAt(from) == '\t' || line.charAt(from) == '>')) {
            from++;
        }
        int colon = keyColon(line, from);
        if (colon < 0) {
            return false;
        }
        String name = line.substring(from, colon).replace('\u00a0', ' ').replace('\u202f', ' ').strip();
        return FORWARD_INTROS.contains(lower(name));
    }

    /** Whether a line can be a mobile signature at all: its first word, or a mark the other forms carry. */
    private static boolean maySign(String line, int start) {
        int from = start;
        while (from < line.length() && "(<[".indexOf(line.charAt(from)) >= 0) {
            from++;
        }
        int end = from;
        while (end < line.length() && end - from < 12 && (Character.isLetter(line.charAt(end))
                || Character.getType(line.charAt(end)) == Character.NON_SPACING_MARK)) {
            end++;
        }
        if (end > from && SIGNATURE_FIRST_WORDS.contains(lower(line.substring(from, end)))) {
            return true;
        }
        if (line.length() > 160) {
            return false;
        }
        for (String mark : SIGNATURE_MARKS) {
            if (line.contains(mark) || (mark.charAt(0) < 128 && containsIgnoringCase(line, mark))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code line} holds {@code needle} (lower-case ASCII), in any case, without a lower-cased copy. */
    private static boolean containsIgnoringCase(String line, String needle) {
        // the first letter found by indexOf (which the JIT makes a vector scan), the rest compared only there
        char lower = needle.charAt(0);
        char upper = Character.toUpperCase(lower);
        for (int i = line.indexOf(lower); i >= 0 && i + needle.length() <= line.length(); i = line.indexOf(lower, i + 1)) {
            if (line.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        for (int i = upper == lower ? -1 : line.indexOf(upper); i >= 0 && i + needle.length() <= line.length();
             i = line.indexOf(upper, i + 1)) {
            if (line.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    /** Four digits in a row, as both dated-address patterns need: without them they need not backtrack to know. */
    private static boolean hasYear(String line) {
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run == 4) {
                return true;
            }
        }
        return false;
    }

    /** Where the first character other than a space or a tab is; the line's length when there is none. */
    private static int firstVisible(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Where a header field's or forward intro's name can begin: past the indent, quote marks and bold stars. */
    private static int keyStart(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '>' && c != '*' && c != '\u00a0') {
                break;
            }
            i++;
        }
        return i;
    }

    /** A line of rule characters ("---", "* * *") and blanks only, at least one rule character; no matcher needed. */
    static boolean isDelimiterLine(String line) {
        boolean rule = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (RULE_CHARS.indexOf(c) >= 0) {
                rule = true;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return rule;
    }

    /** Whether a colon follows within {@link #MAX_KEY} characters of where a field's name can begin. */
    private static boolean hasKeyColon(String line, int from) {
        return keyColon(line, from) >= 0;
    }

    /** The first colon within {@link #MAX_KEY} characters of {@code from}; -1 when there is none. */
    private static int keyColon(String line, int from) {
        for (int i = from; i < Math.min(line.length(), from + MAX_KEY + 1); i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '：') {
                return i;
            }
        }
        return -1;
    }

    /** Lower case char by char: String.toLowerCase looks at context (Greek final sigma) and is slow on odd text. */
    private static String lower(String line) {
        char[] chars = line.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            chars[i] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
        }
        return new String(chars);
    }

    private static boolean hasRule(String line) {
        return line.contains("--") || line.contains("__") || line.contains("==") || line.contains("‐‐");
    }

    /** Cheap test before the costly patterns: does the line hold a "wrote" verb at all. */
    private static boolean hasVerb(String lower) {
        for (String stem : VERB_STEMS) {
            if (lower.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    /** "On Mon, 3 Jun 2024 at 10:00, Ann\n<ann@example.com> wrote:" as one line, so that it is recognised. */
    private static void joinWrappedHeaders(List<String> lines, StringBuilder pattern, long budget) {
        for (int i = 0; i < lines.size() - 1; i++) {
            checkWork(i, lines.size(), budget);
            String line = lines.get(i);
            if (pattern.charAt(i) != TEXT || line.length() > 200 || !mayStartHeader(line)) {
                continue;
            }
            StringBuilder joined = new StringBuilder(line);
            boolean headerLike = line.indexOf('@') >= 0 || hasVerb(lower(line));
            for (int extra = 1; extra <= 3 && i + extra < lines.size(); extra++) {
                String next = withoutQuoteMarks(lines.get(i + extra));
                // a header that begins on the next line is not this line's tail: a customer's last line ("in 2
                // weeks I will …") right above "Op 16 aug. 2014 05:13 schreef …" stays the customer's
                if (next.isBlank() || (!headerLike && startsHeader(next))) {
                    break;
                }
                if (joined.charAt(joined.length() - 1) != '<') {
                    joined.append(' ');
                }
                joined.append(next);
                if (joined.length() <= MAX_LINE && classify(joined.toString()) == EMBEDDED) {
                    lines.set(i, joined.toString());
                    pattern.setCharAt(i, EMBEDDED);
                    for (int k = 0; k < extra; k++) {
                        lines.remove(i + 1);
                        pattern.deleteCharAt(i + 1);
                    }
                    break;
                }
            }
        }
    }

    /**
     * A pattern for lower-cased lines: its letters lower-cased, escapes ({@code \\S}, {@code \\p{L}}, {@code \\u00a0})
     * kept as written.
     */
    private static Pattern lowered(String regex) {
        StringBuilder b = new StringBuilder(regex.length());
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c != '\\' || i + 1 == regex.length()) {
                b.append(Character.toLowerCase(c));
                continue;
            }
            char next = regex.charAt(i + 1);
            int end = next == 'p' || next == 'P' ? regex.indexOf('}', i) + 1 : next == 'u' ? i + 6 : i + 2;
            b.append(regex, i, end);
            i = end - 1;
        }
        return Pattern.compile(b.toString());
    }

    /**
     * The ASCII first letters of the (lower-case) forms, for a look-ahead class on lower-cased lines (any other
     * character is let through to the alternation: a class of ASCII letters is one bit test, one with Cyrillic or
     * CJK letters in it a chain of tests at every position).
     */
    private static String firstLetters(List<String> forms) {
        StringBuilder letters = new StringBuilder();
        for (String form : forms) {
            char c = form.charAt(0);
            if (c >= 128) {
                continue;
            }
            if (letters.indexOf(String.valueOf(c)) < 0) {
                letters.append(c);
            }
        }
        return letters.toString();
    }

    private static boolean startsHeader(String line) {
        int k = 0;
        while (k < line.length() && " \t>".indexOf(line.charAt(k)) >= 0) {
            k++;
        }
        return startsWithOnWord(line, k) || (k < line.length() && Character.isDigit(line.charAt(k))
                && run(WRAPPED_DATE_START, line).lookingAt());
    }

    private static boolean startsWithOnWord(String line, int from) {
        int end = from;
        while (end < line.length() && end - from < 5 && Character.isLetter(line.charAt(end))) {
            end++;
        }
        return end < line.length() && Character.isWhitespace(line.charAt(end)) && ON_WORDS.contains(lower(line.substring(from, end)));
    }

    /** The line without its leading quote marks, blanks and dashes. */
    private static String withoutQuoteMarks(String line) {
        int i = 0;
        while (i < line.length() && " \t>-".indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        return line.substring(i);
    }

    /**
     * "Am Mo., 3. Juni 2024 um 10:00 Uhr schrieb" then "Ann Lee <ann@example.com>:" on the next line: the verb
     * ended the first line, so it was a header on its own, and the address under it would be left as the reply's
     * last line. It is the header's tail.
     */
    private static void joinHeaderTails(List<String> lines, StringBuilder pattern) {
        for (int i = 0; i < lines.size() - 1; i++) {
            if (pattern.charAt(i) != EMBEDDED || pattern.charAt(i + 1) != TEXT) {
                continue;
            }
            String next = withoutQuoteMarks(lines.get(i + 1)).strip();
            if (next.length() <= 120 && next.indexOf('@') >= 0 && (next.endsWith(":") || next.endsWith("："))) {
                lines.set(i, lines.get(i) + " " + next);
                lines.remove(i + 1);
                pattern.deleteCharAt(i + 1);
            }
        }
        // "Ann Lee <ann@example.com>, 3 Haz 2024 Pzt," over "10:00 tarihinde şunu yazdı:": the head of a header whose
        // verb line was recognised alone. Only a line with an address that ends in a comma: a customer's last line
        // right above a header is never taken with it.
        for (int i = 0; i < lines.size() - 1; i++) {
            String line = lines.get(i).strip();
            if (pattern.charAt(i) == TEXT && pattern.charAt(i + 1) == EMBEDDED && line.length() <= 200
                    && line.indexOf('@') >= 0 && line.endsWith(",")
                    && classify(line + " " + withoutQuoteMarks(lines.get(i + 1)).strip()) == EMBEDDED) {
                lines.set(i, line + " " + withoutQuoteMarks(lines.get(i + 1)).strip());
                pattern.setCharAt(i, EMBEDDED);
                lines.remove(i + 1);
                pattern.deleteCharAt(i + 1);
            }
        }
    }

    private static boolean mayStartHeader(String line) {
        int k = 0;
        while (k < line.length() && " \t>".indexOf(line.charAt(k)) >= 0) {
            k++;
        }
        if (k == line.length()) {
            return false;
        }
        boolean digitSoon = false;
        for (int i = k; i < Math.min(line.length(), k + 50) && !digitSoon; i++) {
            digitSoon = Character.isDigit(line.charAt(i));
        }
        return (startsWithOnWord(line, k) && run(WRAPPED_ON_START, line).matches())
                || (digitSoon && run(WRAPPED_DATE_START, line).lookingAt())
                || (line.indexOf('<') >= 0 && run(WRAPPED_OPEN_ADDRESS, line).find())
                || (hasVerb(lower(line)) && run(WRAPPED_VERB, lower(line)).find());
    }

    /**
     * A signature delimiter ("-- ", or a bare line of dashes or underscores) after some text, followed by at
     * most {@value #MAX_SIGNATURE_LINES} lines and no quote: that is the sender's signature, and it goes.
     */
    private static void cutSignatureBlock(List<String> lines) {
        boolean text = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (text && lines.size() - i - 1 <= MAX_SIGNATURE_LINES && isSignatureDelimiter(line)
                    && lines.subList(i + 1, lines.size()).stream().noneMatch(l -> QUOTE_LINE.matcher(l).lookingAt())) {
                lines.subList(i, lines.size()).clear();
                return;
            }
            text |= !line.isBlank() && !isDelimiterLine(line);
        }
    }

    private static boolean isSignatureDelimiter(String line) {
        String s = line.strip();
        if (s.length() < 2 || (s.charAt(0) != '-' && s.charAt(0) != '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != s.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean cutAtEmbedded(List<String> lines, StringBuilder pattern, com.google.re2j.Pattern cut) {
        com.google.re2j.Matcher m = cut.matcher(pattern);
        if (!m.find()) {
            return false;
        }
        // the match starts at the last text line before the cut: keep it
        truncate(lines, pattern, m.start() + 1);
        return true;
    }

    private static void truncate(List<String> lines, StringBuilder pattern, int from) {
        lines.subList(from, lines.size()).clear();
        pattern.setLength(from);
    }

    /** Drops every line of a kind, in one pass (removing them one by one moves the rest each time). */
    private static void removeAll(List<String> lines, StringBuilder pattern, char kind) {
        List<String> kept = new ArrayList<>(lines.size());
        StringBuilder keptPattern = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != kind) {
                kept.add(lines.get(i));
                keptPattern.append(pattern.charAt(i));
            }
        }
        lines.clear();
        lines.addAll(kept);
        pattern.setLength(0);
        pattern.append(keptPattern);
    }
}
