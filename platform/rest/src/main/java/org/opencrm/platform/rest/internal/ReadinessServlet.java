package org.opencrm.platform.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModuleService;
import org.opencrm.platform.api.module.ModuleState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

/**
 * {@code GET /health/ready}: 200 {@code {"status":"UP"}} when this node can serve, else 503
 * {@code {"status":"DOWN","reasons":[...]}} naming every check that failed. No authentication, for load balancers
 * and readiness probes. Ready means:
 * <ul>
 * <li><b>database</b>: a real query on the crm DataSource answers (within 5 s);</li>
 * <li><b>platform</b>: every platform bundle ({@code org.opencrm.platform.*}) is ACTIVE and each of its components
 * is satisfied (the core's services and REST resources are registered);</li>
 * <li><b>modules</b>: every enabled module is ACTIVE (none FAILED);</li>
 * <li><b>rest</b>: every JAX-RS resource registered (the core's and the modules') is served by the JAX-RS runtime
 * and none failed, so a client that saw ready never meets the 404 of a resource still being added.</li>
 * </ul>
 * The answer is computed at each request (a probe every few seconds costs one trivial query).
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/health/ready",
        "osgi.http.whiteboard.servlet.name=opencrm-health-ready" })
public class ReadinessServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PLATFORM_PREFIX = "org.opencrm.platform.";
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = Json.newMapper();

    private transient BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(osgi.jndi.service.name=crm)")
    private volatile DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModuleService modules;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile JaxrsServiceRuntime jaxrs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configurations;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> reasons = new ArrayList<>();
        checkDatabase(reasons);
        checkPlatform(reasons);
        checkModules(reasons);
        checkRest(reasons);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", reasons.isEmpty() ? "UP" : "DOWN");
        if (!reasons.isEmpty()) {
            body.put("reasons", reasons);
        }
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        resp.setStatus(reasons.isEmpty() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        resp.setContentType("application/json");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private void checkDatabase(List<String> reasons) {
        DataSource ds = dataSource;
        if (ds == null) {
            reasons.add("database: the crm DataSource is not registered" + missingForDataSource());
            return;
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            boolean derby = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
            try (ResultSet rs = s.executeQuery(derby ? "VALUES 1" : "SELECT 1")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    reasons.add("database: the test query returned no 1");
                }
            }
        } catch (SQLException | RuntimeException e) {
            reasons.add("database: " + e.getMessage());
        }
    }

    /**
     * What pax-jdbc-config would need to make the crm DataSource and does not find: its configuration (factory PID
     * org.ops4j.datasource, dataSourceName=crm), the JDBC driver's DataSourceFactory it names, the pool's factory, the
     * transaction manager an XA pool needs. Looked up by class name: this bundle does not depend on pax-jdbc.
     */
    private String missingForDataSource() {
        ConfigurationAdmin admin = configurations;
        if (admin == null) {
            return " (Config Admin is not available)";
        }
        try {
            Configuration[] found = admin.listConfigurations("(&(service.factoryPid=org.ops4j.datasource)(dataSourceName=crm))");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return " (no configuration org.ops4j.datasource with dataSourceName=crm: etc/org.ops4j.datasource-crm.cfg)";
            }
            return missingForDataSource(found[0].getProperties(), this::registered);
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            return " (" + e + ")";
        }
    }

    /** Whether a service of a type (by class name) matching a filter is registered. */
    interface Registry {
        boolean registered(String type, String filter) throws InvalidSyntaxException;
    }

    /**
     * What of the crm DataSource's configuration pax-jdbc-config finds no service for: the driver's DataSourceFactory,
     * the pool's factory and, for an XA pool, the transaction manager whose presence makes that factory appear
     * (pax-transx's own for pool=transx, JTA's otherwise).
     */
    static String missingForDataSource(Dictionary<String, Object> config, Registry services) throws InvalidSyntaxException {
        List<String> missing = new ArrayList<>();
        Object driver = config.get("osgi.jdbc.driver.name");
        if (driver != null && !services.registered("org.osgi.service.jdbc.DataSourceFactory",
                "(osgi.jdbc.driver.name=" + filterValue(driver) + ")")) {
            missing.add("the JDBC driver's DataSourceFactory (osgi.jdbc.driver.name=" + driver + ")");
        }
        Object pool = config.get("pool");
        boolean xa = "true".equals(String.valueOf(config.get("xa")));
        if (pool != null && !services.registered("org.ops4j.pax.jdbc.pool.common.PooledDataSourceFactory",
                "(&(pool=" + filterValue(pool) + ")(xa=" + xa + "))")) {
            missing.add("the pool's factory (pool=" + pool + ", xa=" + xa + ")");
            if (xa) {
                String manager = "transx".equals(String.valueOf(pool)) ? "org.ops4j.pax.transx.tm.TransactionManager"
                        : "javax.transaction.TransactionManager";
                if (!services.registered(manager, null)) {
                    missing.add("the transaction manager an XA pool's factory waits for (" + manager + ")");
                }
            }
        }
        return missing.isEmpty() ? " (its configuration, driver and pool are there: see the log for why pax-jdbc did not create it)"
                : " (missing: " + String.join(", ", missing) + ")";
    }

    /** A value for an LDAP filter: the characters the filter syntax gives a meaning escaped (RFC 1960). */
    static String filterValue(Object value) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(value).toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private boolean registered(String type, String filter) throws InvalidSyntaxException {
        return context.getServiceReferences(type, filter) != null;
    }

    private void checkPlatform(List<String> reasons) {
        ServiceComponentRuntime runtime = scr;
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name == null || !name.startsWith(PLATFORM_PREFIX) || b.getHeaders("").get("Fragment-Host") != null) {
                continue;
            }
            if (b.getState() != Bundle.ACTIVE) {
                reasons.add("platform: bundle " + name + " is not ACTIVE");
                continue;
            }
            if (runtime == null) {
                continue;
            }
            for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs(b)) {
                if (!runtime.isComponentEnabled(d)) {
                    continue;
                }
                var configurations = runtime.getComponentConfigurationDTOs(d);
                if (configurations.isEmpty() && !"require".equals(d.configurationPolicy)) {
                    reasons.add("platform: component " + d.name + " has not started");
                }
                for (ComponentConfigurationDTO c : configurations) {
                    if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                            || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        reasons.add("platform: component " + d.name + " is " + state(c) + (c.failure == null ? "" : " (" + firstLine(c.failure) + ")"));
                    }
                }
            }
        }
        if (runtime == null) {
            reasons.add("platform: the component runtime (SCR) is not available");
        }
    }

    private void checkModules(List<String> reasons) {
        ModuleService service = modules;
        if (service == null) {
            reasons.add("modules: the module service is not available");
            return;
        }
        for (ModuleInfo m : service.modules()) {
            if (m.state() == ModuleState.FAILED) {
                reasons.add("modules: " + m.id() + " is FAILED" + (m.reason() == null ? "" : ": " + m.reason()));
            }
        }
    }

    private void checkRest(List<String> reasons) {
        JaxrsServiceRuntime runtime = jaxrs;
        if (runtime == null) {
            reasons.add("rest: the JAX-RS runtime is not available");
            return;
        }
        RuntimeDTO dto = runtime.getRuntimeDTO();
        Set<Long> served = new HashSet<>();
        for (ApplicationDTO app : dto.applicationDTOs) {
            for (ResourceDTO r : app.resourceDTOs) {
                served.add(r.serviceId);
            }
        }
        if (dto.defaultApplication != null) {
            for (ResourceDTO r : dto.defaultApplication.resourceDTOs) {
                served.add(r.serviceId);
            }
        }
        Set<Long> failed = new HashSet<>();
        for (FailedResourceDTO f : dto.failedResourceDTOs) {
            failed.add(f.serviceId);
        }
        try {
            ServiceReference<?>[] resources = context.getAllServiceReferences(null, "(osgi.jaxrs.resource=true)");
            for (ServiceReference<?> ref : resources == null ? new ServiceReference<?>[0] : resources) {
                long id = (Long) ref.getProperty("service.id");
                if (served.contains(id)) {
                    continue;
                }
                String what = ref.getBundle() == null ? "service " + id : ref.getBundle().getSymbolicName() + " (service " + id + ")";
                reasons.add("rest: a resource of " + what + (failed.contains(id) ? " failed" : " is not served yet"));
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String state(ComponentConfigurationDTO c) {
        return switch (c.state) {
        case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "waiting for " + (c.unsatisfiedReferences == null || c.unsatisfiedReferences.length == 0
                ? "a service" : Arrays.stream(c.unsatisfiedReferences).map(r -> r.name + (r.target == null ? "" : " " + r.target))
                        .collect(Collectors.joining(", ")));
        case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "waiting for its configuration";
        case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed";
        default -> "state " + c.state;
        };
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
