package org.opencrm.module.audit.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opencrm.module.audit.internal.service.ActionService;
import org.opencrm.module.audit.internal.service.AuditBenchData;
import org.opencrm.module.audit.internal.service.AuditExports;
import org.opencrm.module.audit.internal.service.AuditSchema;
import org.opencrm.module.audit.internal.service.AuditService;
import org.opencrm.module.audit.internal.service.AuditSettings;
import org.opencrm.module.audit.internal.service.DemoAudits;
import org.opencrm.module.audit.internal.service.PlanService;
import org.opencrm.module.audit.internal.service.ResultsService;
import org.opencrm.module.audit.internal.service.StoreAccess;
import org.opencrm.module.audit.internal.service.TemplateService;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.sales.StoreSalesFigures;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.api.timeline.TimelineService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's services, wired once from the platform's (REST, shell and screens use them through this component),
 * the default templates installed on first start, and the periodic escalation of overdue actions. Sales providers
 * ({@link StoreSalesFigures}, e.g. from the handset registry and membership) are optional and dynamic.
 */
@Component(service = AuditRuntime.class, configurationPid = FranchiseAuditNames.CONFIG_PID)
@Designate(ocd = FranchiseAuditConfig.class)
public class AuditRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRuntime.class);

    private final List<StoreSalesFigures> sales = new CopyOnWriteArrayList<>();
    private volatile AuditSettings settings;
    public final TemplateService templates;
    public final PlanService plans;
    public final ActionService actions;
    public final AuditService audits;
    public final ResultsService results;
    public final DemoAudits demo;
    public final AuditBenchData bench;
    public final AuditExports exports;
    public final BusinessClock clock;
    public final CustomerDirectory directory;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> escalation;

    @Activate
    public AuditRuntime(@Reference(target = FranchiseAuditNames.JPA_TARGET) JpaTemplate jpa, @Reference DataScopes scopes,
            @Reference CustomerDirectory directory, @Reference AuditTrail trail, @Reference TimelineService timeline,
            @Reference CrmEventPublisher events, @Reference BusinessClock clock, @Reference AuditSchema schema, FranchiseAuditConfig config) {
        this.settings = AuditSettings.of(config);
        this.clock = clock;
        this.directory = directory;
        StoreAccess access = new StoreAccess(jpa, scopes);
        templates = new TemplateService(jpa, trail, events, clock);
        plans = new PlanService(jpa, access, directory, trail, clock);
        actions = new ActionService(jpa, access, trail, timeline, events, clock, this::settings);
        audits = new AuditService(jpa, access, directory, trail, timeline, events, clock, templates, actions, this::settings);
        results = new ResultsService(jpa, access, clock, () -> List.copyOf(sales));
        exports = new AuditExports(results, actions);
        demo = new DemoAudits(jpa, trail, clock, this::settings, templates);
        bench = new AuditBenchData(jpa, directory, templates, trail, clock, this::settings);
        templates.ensureDefaults();
        schedule(config);
    }

    @Modified
    void modified(FranchiseAuditConfig config) {
        settings = AuditSettings.of(config);
        schedule(config);
    }

    private synchronized void schedule(FranchiseAuditConfig config) {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "franchise-audit-escalation");
                t.setDaemon(true);
                return t;
            });
        }
        if (escalation != null) {
            escalation.cancel(false);
        }
        long minutes = Math.max(1, config.escalationMinutes());
        escalation = scheduler.scheduleWithFixedDelay(() -> {
            try {
                int n = actions.escalateOverdue();
                if (n > 0) {
                    LOG.info("Escalated {} overdue corrective actions", n);
                }
            } catch (RuntimeException e) {
                LOG.warn("Escalating overdue corrective actions failed; the next run tries again", e);
            }
        }, minutes, minutes, TimeUnit.MINUTES);
    }

    @Deactivate
    synchronized void deactivate() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    public AuditSettings settings() {
        return settings;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSales(StoreSalesFigures provider) {
        sales.add(provider);
    }

    void removeSales(StoreSalesFigures provider) {
        sales.remove(provider);
    }
}
