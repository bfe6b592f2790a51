package org.redress.app.web;

import org.redress.app.desk.TestDesks;
import org.redress.app.desk.Desk;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.app.config.DeskConfig;
import org.redress.app.engine.DeskNode;
import org.redress.app.store.Database;
import org.redress.app.store.TestDatabases;
import org.redress.app.store.Users;
import org.redress.core.staff.Role;

/**
 * The web console in a real browser: Selenium drives Debian's headless Chromium (through its chromedriver) against a
 * running desk whose email channel reads a GreenMail IMAP mailbox and answers through GreenMail's SMTP. Screenshots
 * of the main pages go to {@code target/screenshots/} on every run.
 *
 * <p>Without Chromium the test is skipped and says so, unless {@code REDRESS_REQUIRE_BROWSER=true} (as
 * {@code .ci/run} sets it after installing the packages), when a missing browser fails it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    static final String PASSWORD = "correct horse battery";
    static final Path SHOTS = Path.of("target", "screenshots");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;

    GreenMail greenMail;
    Database db;
    DeskNode node;
    DeskServer server;
    ChromeDriver driver;
    String base;

    @BeforeAll
    void start() throws Exception {
        boolean required = "true".equals(System.getenv("REDRESS_REQUIRE_BROWSER"));
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install chromium chromium-driver";
            if (required) {
                throw new IllegalStateException(why + " (REDRESS_REQUIRE_BROWSER=true)");
            }
            System.err.println("ConsoleBrowserTest skipped: " + why);
            Assumptions.abort(why);
        }
        Files.createDirectories(SHOTS);
        greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        greenMail.start();
        greenMail.setUser("support@desk.example", "support", "secret");

        db = Database.open(TestDatabases.fresh("h2", dir), 8);
        Path config = dir.resolve("redress.yaml");
        Files.writeString(config, TestDesks.mailboxConfig(greenMail.getImap().getPort(), greenMail.getSmtp().getPort(), "browser-secret"));
        DeskConfig desk = DeskConfig.load(config, "browser-node", System::getenv);
        Clock clock = Clock.systemUTC();
        Desk theDesk = TestDesks.of(db, desk, clock);
        node = DeskNode.open(theDesk);
        Users users = theDesk.users();
        users.add("ana", "Ana Agent", Role.AGENT, "front-desk", PASSWORD);
        users.add("sue", "Sue Supervisor", Role.SUPERVISOR, "front-desk", PASSWORD);
        users.add("adam", "Adam Admin", Role.ADMIN, null, PASSWORD);
        server = new DeskServer(theDesk, node);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        node.start();

        ServerSetup smtp = greenMail.getSmtp().getServerSetup();
        GreenMailUtil.sendTextEmail("support@desk.example", "maria@customer.example", "Parcel 4471 never arrived",
                "Hello, my parcel 4471 never arrived and nobody answers the phone. I am very disappointed.", smtp);
        // HTML that tries to run: a script, an event handler, and visible text that looks like markup
        GreenMailUtil.sendMessageBody("support@desk.example", "mallory@customer.example", "Invoice <b onmouseover=alert(1)>wrong</b>",
                "<html><body><p>My invoice is wrong.</p><script>window.__pwned = 1;</script>"
                        + "<img src=\"x\" onerror=\"window.__pwned = 2\"><p>&lt;script&gt;window.__pwned = 3&lt;/script&gt; and "
                        + "&lt;img src=x onerror=window.__pwned=4&gt;</p></body></html>", "text/html; charset=UTF-8", smtp);
        GreenMailUtil.sendTextEmail("support@desk.example", "ion@customer.example", "Internet down in Cluj",
                "Since this morning the internet is down in Cluj, nothing works.", smtp);
        GreenMailUtil.sendTextEmail("support@desk.example", "elena@customer.example", "No internet in Cluj",
                "The internet has been down for hours in Cluj.", smtp);
        await(() -> count("select count(*) from complaint") == 4, "four complaints stored from the mailbox");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,900",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=en-GB", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (node != null) {
            node.close();
        }
        if (db != null) {
            db.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @BeforeEach
    void signedOut() {
        driver.manage().deleteAllCookies();
    }

    @Test
    void an_agent_signs_in_opens_a_complaint_sees_the_guard_and_sends_a_clean_reply_that_reaches_the_customer() throws Exception {
        signIn("ana");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Queue");
        driver.findElement(By.cssSelector("a[data-view='all']")).click();
        WebElement row = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//table[@class='queue']//a[contains(., 'Parcel 4471')]")));
        // the countdown script has replaced the printed deadline
        wait(5).until(d -> d.findElement(By.cssSelector(".countdown")).getText().matches("(in|overdue by) .*"));
        shot("queue");
        row.click();

        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".timeline")));
        assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("my parcel 4471 never arrived");
        assertThat(driver.findElement(By.cssSelector(".customer-name")).getText()).contains("maria");
        assertThat(driver.findElements(By.cssSelector(".playbook .step"))).hasSize(4);
        assertThat(driver.findElements(By.cssSelector(".clocks .clock"))).isNotEmpty();
        shot("complaint");

        WebElement text = driver.findElement(By.id("reply-text"));
        text.sendKeys("I don't know where your parcel is.");
        WebElement finding = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#findings li[data-code='ADMITS_NOT_KNOWING']")));
        assertThat(finding.findElement(By.className("suggestion")).getText()).startsWith("Suggestion: ").hasSizeGreaterThan("Suggestion: ".length() + 5);
        assertThat(driver.findElement(By.cssSelector("#reply-marked mark")).getText()).containsIgnoringCase("don't know");
        assertThat(driver.findElement(By.id("send")).isEnabled()).as("sending is blocked on a blocking finding").isFalse();
        assertThat(driver.findElement(By.id("override-box")).isDisplayed()).isTrue();
        shot("composer-finding");

        text.clear();
        String reply = "Thank you for telling us, Maria. I have asked the courier to trace parcel 4471 today.";
        text.sendKeys(reply);
        driver.findElement(By.cssSelector("button[data-eta='tomorrow']")).click();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#findings li.clean")));
        assertThat(driver.findElement(By.id("send")).isEnabled()).isTrue();
        driver.findElement(By.id("send")).click();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).as("stored, not claimed delivered").startsWith("Reply stored and queued");
        assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("asked the courier to trace parcel 4471");
        // the picked time became a tracked promise
        assertThat(driver.findElements(By.cssSelector(".promises .promise-OPEN"))).hasSize(1);

        await(() -> mailTo("maria@customer.example").stream().anyMatch(body -> body.contains("asked the courier to trace parcel 4471")),
                "the reply in the customer's mailbox");
        // once the mail server took it, the complaint page says so
        await(() -> {
            driver.navigate().refresh();
            return driver.findElements(By.cssSelector(".outgoing .outgoing-sent")).size() >= 2;
        }, "the acknowledgement and the reply shown as delivered");
    }

    @Test
    void a_findings_suggestion_is_applied_with_one_click_and_the_reply_comes_clean() throws Exception {
        signIn("ana");
        driver.get(base + "/console/complaints/" + count("select number from complaint where subject = 'Internet down in Cluj'"));
        WebElement text = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        text.sendKeys("Hello Ion. I don't know when the internet will be back.");
        WebElement finding = wait(10).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#findings li[data-code='ADMITS_NOT_KNOWING'] button.apply")));
        assertThat(driver.findElement(By.cssSelector("#findings li[data-code='ADMITS_NOT_KNOWING'] strong")).getText())
                .as("the finding by its name, not its code").isEqualTo("Says \"I don't know\"");
        finding.click();
        assertThat(text.getAttribute("value")).doesNotContain("I don't know").startsWith("Hello Ion. Let me find out for you");
        // the ellipsis is selected: typing fills it
        keys("Friday");
        assertThat(text.getAttribute("value")).contains("I will get back to you by Friday when the internet");
        WebElement eta = wait(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#findings li[data-code='MISSING_ETA'] button.apply")));
        eta.click();
        assertThat(text.getAttribute("value")).contains("by Friday when the internet will be back. I will update you by ").endsWith(".");
        assertThat(driver.findElement(By.id("eta")).getAttribute("value")).as("the picker holds the time the words give").isNotBlank();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#findings li.clean")));
        assertThat(driver.findElement(By.id("send")).isEnabled()).isTrue();
        shot("suggestion-applied");
    }

    @Test
    void a_form_sent_from_far_down_the_page_comes_back_where_the_agent_was() throws Exception {
        signIn("ana");
        driver.get(base + "/console/complaints/" + count("select number from complaint where subject = 'No internet in Cluj'"));
        WebElement tab = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("tab-note")));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", tab);
        tab.click();
        driver.findElement(By.id("note-text")).sendKeys("Checked the Cluj exchange: a card failed.");
        // the agent reads further down (the customer's card, the clocks) before saving the note
        driver.executeScript("window.scrollTo(0, 400); window.samePage = 'yes'");
        long before = ((Number) driver.executeScript("return window.scrollY")).longValue();
        assertThat(before).as("the page is scrolled").isGreaterThan(100);
        driver.executeScript("arguments[0].click()", driver.findElement(By.cssSelector("#note-form button[type='submit']")));
        WebElement flash = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash.toast")));
        long after = ((Number) driver.executeScript("return window.scrollY")).longValue();
        assertThat(after).as("the page came back near where the agent was, not at the top").isGreaterThan(before / 2);
        assertThat(flash.isDisplayed()).isTrue();
        Number top = (Number) driver.executeScript("return arguments[0].getBoundingClientRect().top", flash);
        assertThat(top.doubleValue()).as("the notice is in sight").isBetween(0.0, ((Number) driver.executeScript("return window.innerHeight")).doubleValue());
        assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("a card failed");
        assertThat(driver.executeScript("return window.samePage")).as("posted in place: the page was not loaded again").isEqualTo("yes");
        shot("place-kept");

        // a form whose answer is another page (a walk-in complaint taken at the desk) shows it in place, the address says
        // which, and Back returns to the form
        driver.get(base + "/console/new");
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("take-form")));
        driver.executeScript("window.samePage = 'still'");
        WebElement form = driver.findElement(By.id("take-form"));
        form.findElement(By.name("name")).sendKeys("Vlad Pop");
        form.findElement(By.name("phone")).sendKeys("+40 744 000 111");
        form.findElement(By.name("subject")).sendKeys("Router returned, no refund");
        form.findElement(By.name("text")).sendKeys("I returned the router in May and have had no refund.");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        wait(10).until(ExpectedConditions.urlMatches("/console/complaints/\\d+"));
        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Router returned, no refund"));
        assertThat(driver.executeScript("return window.samePage")).isEqualTo("still");
        assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("I returned the router in May");
        driver.navigate().back();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("take-form")));
        assertThat(driver.getCurrentUrl()).endsWith("/console/new");
    }

    @Test
    void an_email_carrying_script_and_event_handlers_shows_as_text_and_runs_nothing() throws Exception {
        signIn("ana");
        long number = count("select number from complaint where subject like 'Invoice%'");
        driver.get(base + "/console/complaints/" + number);
        WebElement timeline = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".timeline")));
        assertThat(timeline.getText()).contains("My invoice is wrong.")
                .contains("<script>window.__pwned = 3</script>").contains("<img src=x onerror=window.__pwned=4>");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("<b onmouseover=alert(1)>wrong</b>");
        assertThat(driver.findElements(By.cssSelector("main script, main img, main b, main [onerror], main [onmouseover]"))).isEmpty();
        Object pwned = ((JavascriptExecutor) driver).executeScript("return typeof window.__pwned;");
        assertThat(pwned).isEqualTo("undefined");
        shot("hostile-mail");
    }

    @Test
    void a_supervisor_declares_an_incident_and_the_linked_complaints_show_it() throws Exception {
        long first = count("select number from complaint where subject = 'Internet down in Cluj'");
        long second = count("select number from complaint where subject = 'No internet in Cluj'");
        signIn("sue");
        driver.get(base + "/console/supervisor");
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("declare-form")));
        assertThat(driver.findElements(By.cssSelector("figure.chart"))).hasSize(5);
        shot("supervisor");
        driver.findElement(By.id("inc-title")).sendKeys("Internet outage in Cluj");
        driver.findElement(By.id("inc-category")).sendKeys("outage");
        WebElement eta = driver.findElement(By.id("inc-eta"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                eta, "2030-01-15T10:00");
        driver.findElement(By.id("inc-complaints")).sendKeys(first + ", #" + second);
        driver.findElement(By.cssSelector("#declare-form button[type='submit']")).click();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));
        assertThat(driver.findElement(By.cssSelector("#incidents")).getText()).contains("Internet outage in Cluj").contains("#" + first)
                .contains("#" + second);

        for (long n : List.of(first, second)) {
            driver.get(base + "/console/complaints/" + n);
            WebElement banner = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("incident-banner")));
            assertThat(banner.getText()).contains("Internet outage in Cluj");
            // each linked customer was told the ETA, on the timeline
            assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).containsIgnoringCase("Internet outage in Cluj");
        }
        shot("complaint-in-incident");
        long incident = count("select max(id) from incident");
        driver.get(base + "/console?incident=" + incident);
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.queue")));
        assertThat(driver.findElements(By.cssSelector("table.queue tbody tr"))).hasSize(2);

        // resolving it sends one message to every linked customer
        driver.get(base + "/console/supervisor");
        WebElement article = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article[data-incident='" + incident + "']")));
        article.findElement(By.cssSelector("form[action$='/resolution'] input[name='message']"))
                .sendKeys("The outage in Cluj is fixed: the internet works again. We are sorry for the trouble.");
        article.findElement(By.cssSelector("form[action$='/resolution'] button[type='submit']")).click();
        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Incident resolved"));
        for (String customer : List.of("ion@customer.example", "elena@customer.example")) {
            await(() -> mailTo(customer).stream().filter(body -> body.contains("The outage in Cluj is fixed")).count() == 1,
                    "one resolution message to " + customer);
        }
    }

    @Test
    void an_admin_sees_the_channels_and_users_and_the_console_speaks_romanian() throws Exception {
        signIn("adam");
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.channels")));
        assertThat(driver.findElement(By.cssSelector("table.channels")).getText()).contains("support-mail").contains("email");
        assertThat(driver.findElement(By.cssSelector("table.users")).getText()).contains("ana").contains("sue");

        // two mails the channel could not read: one reads now (an older parser's bug), one is still garbage
        byte[] good = ("Message-ID: <fixed-1@customer.example>\r\nFrom: dan@customer.example\r\nSubject: Refund missing\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nMy refund never arrived.\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        quarantine("old-1", good);
        quarantine("old-2", new byte[] {0, 1, 2, 3, 0, 0, 5});
        long complaints = count("select count(*) from complaint");
        driver.navigate().refresh();
        WebElement held = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.quarantine")));
        assertThat(held.getText()).contains("old-1").contains("old-2").contains("parser bug");
        shot("admin");
        driver.findElement(By.xpath("//table[@class='quarantine']//tr[td[contains(., 'old-1')]]//form[contains(@action, '/retry')]/button")).click();
        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "tried again"));
        assertThat(count("select count(*) from complaint")).isEqualTo(complaints + 1);
        driver.findElement(By.xpath("//table[@class='quarantine']//tr[td[contains(., 'old-2')]]//form[contains(@action, '/discard')]/button")).click();
        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "discarded"));
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Nothing in quarantine.");
        driver.findElement(By.cssSelector("a[lang='ro']")).click();
        wait(10).until(ExpectedConditions.textToBe(By.tagName("h1"), "Administrare"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ro");
        shot("admin-ro");
        driver.findElement(By.cssSelector("a[lang='en']")).click();
        wait(10).until(ExpectedConditions.textToBe(By.tagName("h1"), "Admin"));
    }

    @Test
    void the_sign_in_page_works_from_the_keyboard_and_says_when_the_password_is_wrong() throws Exception {
        driver.get(base + "/console");
        wait(10).until(ExpectedConditions.urlContains("/login"));
        shot("login");
        WebElement user = driver.switchTo().activeElement();
        assertThat(user.getAttribute("id")).as("the user name has the focus").isEqualTo("username");
        user.sendKeys("ana");
        driver.findElement(By.id("password")).sendKeys("not the password\n");
        WebElement error = wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error")));
        assertThat(error.getText()).isEqualTo("Wrong user name or password.");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
    }

    /**
     * Security finding 4 (#19): a page elsewhere posts a text/plain form shaped as JSON to {@code /api/login}, to
     * sign the visitor's browser in as the attacker. Chromium sends it; the desk refuses it and sets no cookie.
     */
    @Test
    void a_page_on_another_site_cannot_sign_the_browser_in() throws Exception {
        com.sun.net.httpserver.HttpServer evil = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        String page = "<html><body><form id=f method=post enctype=text/plain action='" + base + "/api/login'>"
                + "<input type=hidden name='{\"username\":\"adam\",\"password\":\"" + PASSWORD + "\",\"x\":\"' value='\"}'>"
                + "</form><script>document.getElementById('f').submit()</script></body></html>";
        evil.createContext("/", x -> {
            byte[] b = page.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        evil.start();
        try {
            driver.get("http://localhost:" + evil.getAddress().getPort() + "/");
            wait(10).until(d -> d.getCurrentUrl().startsWith(base + "/api/login"));
            assertThat(driver.getPageSource()).contains("application/json");
            driver.get(base + "/console");
            wait(10).until(ExpectedConditions.urlContains("/login"));
            assertThat(driver.manage().getCookies()).noneMatch(c -> c.getName().equals("redress_session"));
        } finally {
            evil.stop(0);
        }
    }

    @Test
    void two_browsers_on_one_complaint_see_each_others_presence_typing_and_change_and_the_draft_survives_the_reload() throws Exception {
        signIn("ana");
        long number = count("select min(number) from complaint");
        driver.get(base + "/console/complaints/" + number);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,900",
                "--no-first-run", "--lang=en-GB", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-sue")));
        ChromeDriver other = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        try {
            other.get(base + "/login");
            new WebDriverWait(other, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys("sue");
            other.findElement(By.id("password")).sendKeys(PASSWORD);
            other.findElement(By.cssSelector("form[action='/login'] button[type='submit']")).click();
            new WebDriverWait(other, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
            other.get(base + "/console/complaints/" + number);

            wait(15).until(d -> d.findElement(By.id("presence")).getText().contains("Sue Supervisor is viewing"));
            new WebDriverWait(other, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("presence")).getText().contains("Ana Agent"));
            other.findElement(By.id("reply-text")).sendKeys("We are checking the courier's scans");
            wait(15).until(d -> d.findElement(By.id("presence")).getText().contains("Sue Supervisor is writing a reply"));
            shot("presence-1440");

            // ana writes a draft, sue changes the complaint: ana is told, and her draft comes back on the fresh page
            driver.findElement(By.id("reply-text")).sendKeys("Dear customer, your parcel");
            String version = other.findElement(By.cssSelector("#note-form input[name='version']")).getAttribute("value");
            assertThat(version).isNotBlank();
            other.findElement(By.id("tab-note")).click();
            other.findElement(By.id("note-text")).sendKeys("Courier says it is in the depot");
            other.findElement(By.cssSelector("#note-form button[type='submit']")).click();
            wait(15).until(d -> d.findElement(By.id("changed")).isDisplayed());
            assertThat(driver.findElement(By.id("changed")).getText()).contains("sue");
            driver.findElement(By.id("changed-reload")).click();
            wait(10).until(d -> d.findElement(By.id("reply-text")).getAttribute("value").equals("Dear customer, your parcel"));
            assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("Courier says it is in the depot");
        } finally {
            other.quit();
        }
    }

    @Test
    void at_phone_width_the_queue_and_a_complaint_fit_the_screen_with_the_deadline_in_sight() throws Exception {
        signIn("sue");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            driver.get(base + "/console?view=all");
            long inner = ((Number) driver.executeScript("return window.innerWidth")).longValue();
            assertThat(inner).as("the window is phone-sized").isLessThanOrEqualTo(600);
            assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue())
                    .as("the queue is no wider than the screen; wider: %s", wider()).isLessThanOrEqualTo(inner);
            Number right = (Number) driver.executeScript("var t = document.querySelector('.queue time');"
                    + "return t ? t.getBoundingClientRect().right : 0");
            assertThat(right.doubleValue()).as("the first deadline is on screen").isGreaterThan(0).isLessThanOrEqualTo(inner);
            shot("queue-390");
            long number = count("select min(number) from complaint");
            driver.get(base + "/console/complaints/" + number);
            assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue())
                    .as("the complaint page is no wider than the screen; wider: %s", wider()).isLessThanOrEqualTo(inner);
            shot("complaint-390");
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        }
    }

    @Test
    void an_agent_works_the_queue_from_the_keyboard() throws Exception {
        signIn("ana");
        driver.get(base + "/console?view=all&sort=OLDEST");
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.queue tbody tr")));
        List<String> numbers = driver.findElements(By.cssSelector("table.queue tbody tr a[href^='/console/complaints/']")).stream()
                .map(a -> a.getAttribute("href")).distinct().toList();
        assertThat(numbers).hasSizeGreaterThanOrEqualTo(2);
        keys("?");
        WebElement dialog = driver.findElement(By.id("shortcuts"));
        wait(5).until(d -> dialog.isDisplayed());
        assertThat(dialog.getText()).contains("Keyboard shortcuts").contains("next complaint").contains("take the complaint");
        shot("shortcuts");
        keys("?");
        wait(5).until(d -> !dialog.isDisplayed());

        keys("j");
        keys("j");
        assertThat(driver.findElements(By.cssSelector("table.queue tr.chosen"))).hasSize(1);
        keys("o");
        wait(10).until(d -> d.getCurrentUrl().equals(numbers.get(1)));
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        keys("k");
        wait(10).until(d -> d.getCurrentUrl().equals(numbers.get(0)));
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));

        keys("r");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("reply-text");
        keys("nj");
        assertThat(driver.findElement(By.id("reply-text")).getAttribute("value")).as("letters typed in a reply stay letters").isEqualTo("nj");
        driver.findElement(By.id("reply-text")).clear();
        driver.findElement(By.tagName("h1")).click();
        keys("n");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("note-text");
        keys("Called the courier from the keyboard");
        new org.openqa.selenium.interactions.Actions(driver).keyDown(org.openqa.selenium.Keys.CONTROL).sendKeys(org.openqa.selenium.Keys.ENTER)
                .keyUp(org.openqa.selenium.Keys.CONTROL).perform();
        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".timeline"), "Called the courier from the keyboard"));
        if (!driver.findElements(By.id("take")).isEmpty()) {
            keys("t");
            wait(10).until(d -> d.findElements(By.id("take")).isEmpty());
        }
        keys("u");
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.queue")));
        assertThat(driver.getCurrentUrl()).contains("sort=OLDEST");
    }

    /**
     * axe-core (npm's, as Deque packs it for Java) checks every console page in English and Romanian at desk and phone
     * width; a serious or critical violation fails the test and names the rule and the elements. Each page's screenshot
     * is kept as {@code page-lang-width.png}.
     */
    @Test
    void every_page_passes_the_accessibility_check_in_both_languages_and_at_both_widths() throws Exception {
        String axe = new String(java.util.Objects.requireNonNull(getClass().getResourceAsStream("/axe.min.js"),
                "axe.min.js from com.deque.html.axe-core:selenium").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        long number = count("select min(number) from complaint");
        List<String> serious = new java.util.ArrayList<>();
        try {
            for (String lang : List.of("en", "ro")) {
                for (int width : List.of(1440, 390)) {
                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, width > 600 ? 900 : 844));
                    driver.manage().deleteAllCookies();
                    driver.get(base + "/console/lang/" + lang);
                    driver.get(base + "/login");
                    serious.addAll(axe(axe, "login", lang, width));
                    String who = null;
                    for (String[] page : new String[][] {
                            {"ana", "queue", "/console?view=all"},
                            {"ana", "complaint", "/console/complaints/" + number},
                            {"ana", "new", "/console/new"},
                            {"ana", "forbidden", "/console/admin"},
                            {"ana", "not-found", "/console/complaints/999999"},
                            {"sue", "supervisor", "/console/supervisor"},
                            {"sue", "saved-replies", "/console/saved"},
                            {"sue", "complaint-supervisor", "/console/complaints/" + number},
                            {"adam", "admin", "/console/admin"}}) {
                        if (!page[0].equals(who)) {
                            signInKeepingLanguage(page[0]);
                            who = page[0];
                        }
                        driver.get(base + page[2]);
                        if (page[1].equals("forbidden")) {
                            assertThat(driver.findElement(By.tagName("main")).getText()).as("the 403 page names the role needed")
                                    .contains(lang.equals("en") ? "It needs the role Administrator. You are signed in as Agent."
                                            : "Este nevoie de rolul Administrator. Sunteți conectat ca Agent.");
                        }
                        serious.addAll(axe(axe, page[1], lang, width));
                    }
                }
            }
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        }
        assertThat(serious).as("serious or critical accessibility violations").isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** Runs axe-core in the page; returns its serious and critical violations, each naming the page and elements. */
    @SuppressWarnings("unchecked")
    List<String> axe(String script, String page, String lang, int width) throws Exception {
        wait(10).until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as(page + " speaks " + lang).isEqualTo(lang);
        shot(page + "-" + lang + "-" + width);
        driver.executeScript(script);
        List<String> found = (List<String>) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations.map(function (v) {"
                + "  return v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 4).map(function (n) {"
                + "    return n.target.join(' '); }).join(' | '); })); }, function (e) { done(['error ' + e]); });");
        List<String> serious = new java.util.ArrayList<>();
        for (String violation : found) {
            String where = page + " (" + lang + ", " + width + " px): " + violation;
            if (violation.startsWith("serious") || violation.startsWith("critical") || violation.startsWith("error")) {
                serious.add(where);
            } else {
                System.err.println("accessibility, not failing: " + where);
            }
        }
        return serious;
    }

    /** Types keys into whatever has the focus, as a person at the keyboard. */
    void keys(CharSequence keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    /** Signs in without clearing cookies, so the chosen language stays. */
    void signInKeepingLanguage(String user) {
        driver.manage().deleteCookieNamed("redress_session");
        signIn(user);
    }

    /** The first elements that reach past the window's right edge, to say what is too wide. */
    Object wider() {
        return driver.executeScript("return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                + "return e.getBoundingClientRect().right > window.innerWidth + 1; }).slice(0, 6).map(function (e) {"
                + "return e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right); })");
    }

    void signIn(String user) {
        driver.get(base + "/login");
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button[type='submit']")).click();
        wait(10).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    void quarantine(String id, byte[] raw) {
        db.jdbi().useHandle(h -> h.createUpdate("insert into quarantine (instance, external_id, reason, location, media_type, raw, "
                        + "received_at, status) values ('support-mail', :id, 'parser bug', :id, 'message/rfc822', :raw, :now, 'open')")
                .bind("id", id).bind("raw", raw).bind("now", java.time.OffsetDateTime.now()).execute());
    }

    WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    void shot(String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    List<String> mailTo(String address) {
        return java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).map(ConsoleBrowserTest::text).toList();
    }

    /** The decoded text of a message, every part of it (the desk sends plain text and HTML). */
    static String text(jakarta.mail.Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof jakarta.mail.Multipart multi) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < multi.getCount(); i++) {
                    b.append(text(multi.getBodyPart(i))).append('\n');
                }
                return b.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            return "";
        }
    }

    static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited 30 s for " + what);
            }
            Thread.sleep(100);
        }
    }
}
