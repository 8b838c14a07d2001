package org.opencrm.platform.rest.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.interceptor.InterceptorProvider;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.opencrm.platform.api.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * The {@code Date} header of every API answer, formatted once a second. CXF adds one to each answer that has none and
 * builds a new {@code SimpleDateFormat} for it every time (HttpUtils.getHttpDateFormat): 4-10 % of the CPU of an IMEI
 * lookup in the profile (distribution/benchmarks/RESULTS-handsets.md). CXF copies the outgoing message's protocol
 * headers into the answer's before it looks, so a header put there first is kept, for every endpoint at once.
 * A JAX-RS response filter runs too late for that; this is a CXF feature, which the JAX-RS whiteboard accepts as an
 * extension of the application.
 */
@Component(service = org.apache.cxf.feature.Feature.class)
@JaxrsExtension
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class DateHeader implements org.apache.cxf.feature.Feature {
    /** RFC 9110's IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" (two-digit day, English names, always GMT). */
    static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final SecondCache now = new SecondCache();

    /** The application's server (the whiteboard makes a new one at each change of the application): on its endpoint. */
    @Override
    public void initialize(Server server, Bus bus) {
        initialize(server.getEndpoint(), bus);
    }

    @Override
    public void initialize(InterceptorProvider provider, Bus bus) {
        provider.getOutInterceptors().add(new AddDate(now));
        provider.getOutFaultInterceptors().add(new AddDate(now));
    }

    /** Not for clients. */
    @Override
    public void initialize(Client client, Bus bus) {
        // the API's answers only
    }

    /** Not bus-wide: the answers of this application only. */
    @Override
    public void initialize(Bus bus) {
        // see initialize(Server, Bus)
    }

    /** The formatted current second, made again only when the second changes. */
    static final class SecondCache {
        private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

        private record Formatted(long second, String text) {
        }

        String at(long epochMillis) {
            long second = Math.floorDiv(epochMillis, 1000L);
            Formatted f = last;
            if (f.second() != second) {
                f = new Formatted(second, IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
                last = f;
            }
            return f.text();
        }
    }

    /** Before JAX-RS writes the answer (phase MARSHAL): the Date among the protocol headers, unless one is there. */
    static final class AddDate extends AbstractPhaseInterceptor<Message> {
        private final SecondCache now;

        AddDate(SecondCache now) {
            super(Phase.PRE_LOGICAL);
            this.now = now;
        }

        @Override
        public void handleMessage(Message message) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
            if (headers == null) {
                headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                message.put(Message.PROTOCOL_HEADERS, headers);
            }
            if (!headers.containsKey("Date")) {
                // a list of its own: CXF keeps it as the answer's header and other code may add to it
                List<String> value = new ArrayList<>(1);
                value.add(now.at(System.currentTimeMillis()));
                headers.put("Date", value);
            }
        }
    }
}
