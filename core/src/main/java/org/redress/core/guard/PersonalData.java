package org.redress.core.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data in a reply meant to be read in public: order, account and card numbers, IBANs, email
 * addresses, phone numbers and street addresses. The reply guard uses it to offer moving the conversation to
 * a private message instead of posting such a reply.
 */
public final class PersonalData {

    /** What sort of personal data a span holds. */
    public enum Kind { ORDER_NUMBER, ACCOUNT_NUMBER, CARD_NUMBER, IBAN, EMAIL, PHONE, ADDRESS }

    /**
     * One piece of personal data found.
     *
     * @param kind     what it is
     * @param evidence the text
     * @param start    where it starts
     * @param end      where it ends, exclusive
     */
    public record Finding(Kind kind, String evidence, int start, int end) {
        public Finding {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The suggestion the desk gives with a finding. */
    public static final String SUGGESTION = "This reply is public and names personal data: move the conversation to a "
            + "private message and send it there.";

    private record Rule(Kind kind, Pattern pattern, boolean luhn) {
    }

    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final List<Rule> RULES = List.of(
            new Rule(Kind.IBAN, Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\\b"), false),
            new Rule(Kind.CARD_NUMBER, Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b"), true),
            new Rule(Kind.EMAIL, Pattern.compile("\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b"), false),
            // international (+…) or national (trunk 0…) form; a bare long number is more likely a code or a reference
            new Rule(Kind.PHONE, Pattern.compile("(?<![\\w+])(?:\\+\\d[\\d ()-]{7,}\\d|0\\d[\\d ()-]{7,12}\\d)\\b"), false),
            // "order 5512", "comanda nr. 5512", "заказ № 5512", "tellimus 5512", "đơn hàng 5512", "#A-5512"
            new Rule(Kind.ORDER_NUMBER, Pattern.compile("(?:order|comanda|comanda|заказ\\p{L}*|tellimus\\p{L}*|đơn hàng|"
                    + "bestellung|commande|invoice|factura|счет|счёт|arve)\\s*(?:no\\.?|nr\\.?|number|№|#|:)?\\s*[A-Z]{0,3}-?\\d{3,}", F), false),
            new Rule(Kind.ACCOUNT_NUMBER, Pattern.compile("(?:account|customer|contract|cont|contul|client|договор\\p{L}*|"
                    + "лицев\\p{L}* сч\\p{L}*|klient\\p{L}*|leping\\p{L}*|tài khoản|hợp đồng|kundennummer|vertrag)\\s*"
                    + "(?:no\\.?|nr\\.?|number|id|№|#|:)?\\s*[A-Z]{0,3}-?\\d{4,}", F), false),
            new Rule(Kind.ADDRESS, Pattern.compile("\\b\\d{1,4}\\s+[\\p{L}][\\p{L} .'-]{2,40}\\s+(?:street|st\\.|road|rd\\.|"
                    + "avenue|ave\\.|lane|way|drive)\\b|\\b(?:str\\.|strada|bd\\.|bulevardul|calea|улица|ул\\.|tänav|"
                    + "đường|straße|strasse|rue|avenue)\\s+[\\p{L}][\\p{L} .'-]{1,40}?,?\\s*(?:nr\\.?\\s*)?\\d{1,4}\\w?\\b", F), false));

    private PersonalData() {
    }

    /** Every piece of personal data in {@code text}, in order, without overlaps (the first rule wins). */
    public static List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (rule.luhn() && !luhn(m.group())) {
                    continue;
                }
                if (found.stream().noneMatch(f -> s < f.end() && e > f.start())) {
                    found.add(new Finding(rule.kind(), m.group(), s, e));
                }
            }
        }
        found.sort(Comparator.comparingInt(Finding::start));
        return found;
    }

    private static boolean luhn(String number) {
        String digits = number.replaceAll("\\D", "");
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return digits.length() >= 13 && sum % 10 == 0;
    }
}
