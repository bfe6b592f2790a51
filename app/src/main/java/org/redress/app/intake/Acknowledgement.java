package org.redress.app.intake;

import java.util.Map;

/**
 * The desk's automatic acknowledgement of a new complaint, in the customer's language: it names the number the
 * customer can quote and promises a person's answer, nothing the desk cannot keep.
 */
final class Acknowledgement {

    private static final Map<String, String> TEXTS = Map.of(
            "en", "Thank you for writing to us. We have registered your complaint as [#%d] and a member of our team "
                    + "will answer you personally.%n%nPlease keep [#%d] in the subject if you write again.",
            "ro", "Vă mulțumim că ne-ați scris. Am înregistrat reclamația dumneavoastră cu numărul [#%d], iar un coleg "
                    + "vă va răspunde personal.%n%nVă rugăm să păstrați [#%d] în subiect dacă ne scrieți din nou.",
            "ru", "Спасибо, что написали нам. Ваша жалоба зарегистрирована под номером [#%d], и наш сотрудник ответит "
                    + "вам лично.%n%nЕсли будете писать снова, пожалуйста, оставьте [#%d] в теме письма.",
            "et", "Täname, et meile kirjutasite. Registreerisime teie kaebuse numbriga [#%d] ja meie töötaja vastab "
                    + "teile isiklikult.%n%nKui kirjutate uuesti, jätke palun [#%d] teemareale.",
            "vi", "Cảm ơn quý khách đã liên hệ. Chúng tôi đã ghi nhận khiếu nại của quý khách với mã số [#%d] và "
                    + "nhân viên của chúng tôi sẽ trả lời trực tiếp.%n%nVui lòng giữ [#%d] trong tiêu đề nếu quý khách viết lại.");

    private static final Map<String, String> SUBJECTS = Map.of("en", "Your complaint", "ro", "Reclamația dumneavoastră",
            "ru", "Ваша жалоба", "et", "Teie kaebus", "vi", "Khiếu nại của quý khách");

    private Acknowledgement() {
    }

    static String text(String language, long number) {
        return String.format(TEXTS.getOrDefault(language, TEXTS.get("en")), number, number);
    }

    static String subject(String language) {
        return SUBJECTS.getOrDefault(language, SUBJECTS.get("en"));
    }
}
