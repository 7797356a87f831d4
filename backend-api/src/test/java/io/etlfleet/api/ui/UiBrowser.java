package io.etlfleet.api.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * One headless Debian Chromium shared by a test class, driven by Playwright's bundled driver
 * (from the {@code driver-bundle} jar; browser downloads are switched off, so it works
 * offline). Each test opens its own page: session storage, and so the signed-in key, is per
 * page. Without {@code /usr/bin/chromium} the class is skipped, or fails when
 * {@code ETL_REQUIRE_SERVICES=true}.
 */
final class UiBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ETL_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Path profile;
    private final BrowserContext context;
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();

    private UiBrowser(Playwright playwright, Path profile, BrowserContext context) {
        this.playwright = playwright;
        this.profile = profile;
        this.context = context;
    }

    /** Skips (or, when services are required, fails) the calling test class without Chromium. */
    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        String message = CHROMIUM + " is missing: install it with 'apt-get install -y chromium'";
        if (Boolean.parseBoolean(System.getenv("ETL_REQUIRE_SERVICES"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    static UiBrowser launch() {
        requireChromium();
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Path profile = Files.createTempDirectory("etl-ui-chromium-");
            BrowserContext context = playwright.chromium().launchPersistentContext(profile,
                    new BrowserType.LaunchPersistentContextOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                            .setArgs(ARGS).setViewportSize(1366, 768).setTimeout(60_000));
            context.setDefaultTimeout(30_000);
            return new UiBrowser(playwright, profile, context);
        } catch (IOException e) {
            playwright.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh page (signed out) on the app at {@code port}. */
    Page open(int port, String hash) {
        Page page = context.newPage();
        page.onPageError(error -> scriptErrors.add("uncaught: " + error));
        // HTTP errors are the page's to show ("Failed to load resource"); anything else logged
        // as an error (a CSP refusal, a module that does not load) is a defect.
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                scriptErrors.add(message.text());
            }
        });
        page.navigate("http://127.0.0.1:" + port + "/" + hash);
        return page;
    }

    /** Opens the app and signs in with {@code key}; returns once the shell shows. */
    Page signIn(int port, String key, String hash) {
        Page page = open(port, hash);
        page.locator("#api-key").fill(key);
        page.locator("#sign-in-button").click();
        assertThat(page.locator("#shell")).isVisible();
        return page;
    }

    /**
     * Waits for the page's first refresh after it was shown, then fails listing every error
     * banner on it (e.g. an endpoint answering 404), so a missing endpoint reads as such.
     */
    static void assertNoApiErrors(Page page) {
        assertThat(page.locator("#refreshed")).containsText("updated");
        List<String> errors = page.locator(".banner.error:visible").allInnerTexts();
        org.assertj.core.api.Assertions.assertThat(errors).as("API errors shown on the page").isEmpty();
    }

    /** Fails listing the script errors and CSP refusals of the pages opened since the last call. */
    void assertNoScriptErrors() {
        List<String> errors = List.copyOf(scriptErrors);
        scriptErrors.clear();
        org.assertj.core.api.Assertions.assertThat(errors).as("script errors in the browser").isEmpty();
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        try {
            context.close();
            playwright.close();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
