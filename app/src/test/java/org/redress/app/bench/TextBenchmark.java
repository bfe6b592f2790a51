package org.redress.app.bench;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.redress.app.language.LinguaDetection;
import org.redress.core.classify.Triage;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.promise.PromiseExtractor;
import org.redress.core.time.BusinessCalendar;

/**
 * Triage and check-reply on one thread, language detection included, over a mix of texts in the five
 * languages. Run (README):
 * <pre>
 * mvn -B -q -pl app -am test-compile -DskipTests
 * mvn -B -q -pl app dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp app/target/test-classes:app/target/classes:$(cat app/target/cp.txt) org.openjdk.jmh.Main TextBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=1"})
@Threads(1)
public class TextBenchmark {

    static final List<String[]> COMPLAINTS = List.of(
            new String[] {"en", "My broadband has been down since Monday and nobody called back. Third time this month!! I will cancel my contract."},
            new String[] {"ro", "Mi-ați luat 120 de lei de două ori pe factură. Vreau banii înapoi sau fac reclamație la ANPC."},
            new String[] {"ru", "Интернет опять не работает, уже третий раз. Если не исправите, подам в суд."},
            new String[] {"et", "Internet ei tööta jälle. Kui te seda ei paranda, pöördun tarbijakaitsesse ja lõpetan lepingu."},
            new String[] {"vi", "Mạng lại bị mất lần thứ ba. Tôi sẽ hủy hợp đồng và đăng lên Facebook."});
    static final List<String[]> REPLIES = List.of(
            new String[] {"en", "I am sorry for the trouble. I have re-sent your order today and you will receive it by Thursday."},
            new String[] {"ro", "Nu știu ce s-a întâmplat, nu e treaba mea. Calmați-vă."},
            new String[] {"ru", "Приношу извинения за неудобства. Я перезвоню вам завтра до 12:00."},
            new String[] {"et", "Vabandame ebamugavuse pärast. Tehnik tuleb homme kell 9."},
            new String[] {"vi", "Tôi không biết, không phải việc của tôi. Anh bình tĩnh đi."});

    LinguaDetection detection;
    Triage triage;
    ReplyGuard guard;
    int i;

    @Setup
    public void setUp() {
        detection = new LinguaDetection(List.of("en", "ro", "ru", "et", "vi"));
        triage = new Triage(Triage.Policy.standard(), Optional.empty());
        guard = new ReplyGuard(new PromiseExtractor(BusinessCalendar.weekdays(ZoneId.of("Europe/Bucharest"),
                LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of())), Optional.empty());
    }

    @Benchmark
    public Object triageWithDetection() {
        String text = COMPLAINTS.get(i++ % COMPLAINTS.size())[1];
        return triage.triage(text, detection.detect(text).orElse("en"), OptionalLong.empty());
    }

    @Benchmark
    public Object checkReplyWithDetection() {
        String text = REPLIES.get(i++ % REPLIES.size())[1];
        return guard.check(text, detection.detect(text).orElse("en"),
                new ReplyGuard.Context(true, false, false, Instant.parse("2026-11-23T08:00:00Z")));
    }
}
