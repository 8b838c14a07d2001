package org.opencrm.ui.internal;

import java.security.SecureRandom;
import java.util.Base64;

import javax.servlet.http.HttpServletResponse;

import org.jsoup.nodes.Element;

import com.vaadin.server.BootstrapFragmentResponse;
import com.vaadin.server.BootstrapListener;
import com.vaadin.server.BootstrapPageResponse;

/**
 * The headers every answer of the web UI carries (the Vaadin servlet at /crm and its static files at /VAADIN), and
 * the script nonces of the bootstrap page. The Content-Security-Policy is the tightest Vaadin 8 runs under, tried in
 * Chromium on every screen BrowserIT visits (it fails a test when the console reports anything the policy blocked):
 * <ul>
 * <li>{@code script-src 'nonce-…' 'strict-dynamic' 'unsafe-eval'}: only the bootstrap page's own script elements run
 * (they carry a fresh nonce per page), and the scripts they load in turn: Vaadin's bootstrap script loads the GWT
 * client, which installs its code as script elements in a hidden frame. No inline event handler, no
 * {@code javascript:} URL but one, no markup a user stored can run. That one is GWT's no-op {@code javascript:''}, the
 * source of the hidden frame an upload form (Vaadin's {@code Upload}: audit photos, CSV import, module packages)
 * posts into: {@code 'unsafe-hashes'} with the hash of exactly that URL lets it through and nothing else.
 * {@code 'unsafe-eval'} stays because GWT's installer wraps
 * the client's code in {@code eval()} in Chromium (without it the UI does not start). {@code 'self' 'unsafe-inline'}
 * only serve browsers older than CSP level 3, which ignore nonces; newer ones ignore those two when a nonce is
 * present.</li>
 * <li>{@code style-src 'self' 'unsafe-inline'}: Vaadin sets styles as attributes and injects {@code <style>}
 * elements without nonces.</li>
 * <li>images and fonts from the server itself and {@code data:} URIs (the Valo theme), connections only back to the
 * server, frames only from it (GWT's installer frame), no plug-ins, no foreign {@code <base>} or form target, and no
 * framing by anyone ({@code frame-ancestors 'none'}, with {@code X-Frame-Options: DENY} for older browsers): no
 * clickjacking. The one exception is the answer to an upload ({@code /APP/UPLOAD/}), which the upload's own hidden
 * frame on the UI's page receives: it may be framed by the UI itself ({@code 'self'}, {@code SAMEORIGIN}), never by
 * another site.</li>
 * </ul>
 */
final class UiSecurityHeaders {
    /** Where a policy takes the nonce of the answer. */
    static final String NONCE = "{nonce}";
    /** The SHA-256 of the URL {@code javascript:''} (GWT's upload frame), for {@code 'unsafe-hashes'}. */
    static final String UPLOAD_FRAME_URL_HASH = "'sha256-BzSkwrbmVvu16J6kfuW+7EvY54W4ed74Mae3NSsoJQQ='";
    static final String DEFAULT_POLICY = "default-src 'none'; script-src 'nonce-" + NONCE + "' 'strict-dynamic' 'unsafe-eval' 'unsafe-hashes' "
            + UPLOAD_FRAME_URL_HASH + " 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final SecureRandom RANDOM = new SecureRandom();

    private UiSecurityHeaders() {
    }

    /** Every answer: the policy with a nonce no script of this answer has (the bootstrap page gets its own, below). */
    static void apply(HttpServletResponse response, String contentSecurityPolicy) {
        apply(response, contentSecurityPolicy, false);
    }

    /** As above; {@code upload} for the answer to an upload, which the UI's own hidden frame receives. */
    static void apply(HttpServletResponse response, String contentSecurityPolicy, boolean upload) {
        String policy = contentSecurityPolicy.replace(NONCE, newNonce());
        response.setHeader("Content-Security-Policy", upload ? policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'") : policy);
        response.setHeader("X-Frame-Options", upload ? "SAMEORIGIN" : "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
    }

    /** Vaadin posts an upload's file to {@code <servlet>/APP/UPLOAD/<ui>/<connector>/<secure key>}. */
    static boolean isUpload(String pathInfo) {
        return pathInfo != null && pathInfo.startsWith("/APP/UPLOAD/");
    }

    static String newNonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Gives the bootstrap page's script elements a fresh nonce and sends the policy that names it. */
    static BootstrapListener scriptNonces(String contentSecurityPolicy) {
        return new BootstrapListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void modifyBootstrapPage(BootstrapPageResponse response) {
                String nonce = newNonce();
                for (Element script : response.getDocument().getElementsByTag("script")) {
                    script.attr("nonce", nonce);
                }
                response.setHeader("Content-Security-Policy", contentSecurityPolicy.replace(NONCE, nonce));
            }

            @Override
            public void modifyBootstrapFragment(BootstrapFragmentResponse response) {
                // the shell is always a whole page
            }
        };
    }
}
