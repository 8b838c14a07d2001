package org.opencrm.ui.internal;

import java.io.IOException;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.module.ModuleService;
import org.opencrm.platform.api.security.UserService;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.ui.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.vaadin.server.DeploymentConfiguration;
import com.vaadin.server.RequestHandler;
import com.vaadin.server.ServiceException;
import com.vaadin.server.UIClassSelectionEvent;
import com.vaadin.server.UICreateEvent;
import com.vaadin.server.UIProvider;
import com.vaadin.server.VaadinServlet;
import com.vaadin.server.VaadinServletService;
import com.vaadin.server.CustomizedSystemMessages;
import com.vaadin.ui.UI;

/**
 * The web shell at {@code /crm}: a Vaadin servlet registered on the HTTP whiteboard. Each browser tab gets a
 * {@link CrmUI} built with the shell's services (no static lookups). Idle sessions end after
 * {@code sessionTimeoutMinutes} without user requests: Vaadin checks on each heartbeat (every 30 s), so a session
 * ends at most half a minute after its timeout. A session whose user was disabled or changed is signed out at its next
 * request ({@link SignInCheck}). Every answer carries the UI's security headers ({@link UiSecurityHeaders}).
 */
@Component(service = Servlet.class, configurationPid = "org.opencrm.ui", property = {
        "osgi.http.whiteboard.servlet.pattern=/crm/*",
        "osgi.http.whiteboard.servlet.name=opencrm-ui",
        "osgi.http.whiteboard.servlet.asyncSupported=true",
        "servlet.init.productionMode=true",
        "servlet.init.closeIdleSessions=true",
        "servlet.init.heartbeatInterval=30" })
@Designate(ocd = UiConfig.class)
public class CrmServlet extends VaadinServlet {
    private static final long serialVersionUID = 1L;

    private final transient Contributions contributions;
    private final transient UserService users;
    private final transient CustomerDirectory customers;
    private final transient BusinessClock clock;
    private final transient UiConfig config;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile transient ModuleService modules;

    @Activate
    public CrmServlet(@Reference Contributions contributions, @Reference UserService users, @Reference CustomerDirectory customers,
            @Reference BusinessClock clock, UiConfig config) {
        this.clock = clock;
        this.contributions = contributions;
        this.customers = customers;
        this.users = users;
        this.config = config;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        UiSecurityHeaders.apply(response, config.contentSecurityPolicy(), UiSecurityHeaders.isUpload(request.getPathInfo()));
        super.service(request, response);
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration deploymentConfiguration) throws ServiceException {
        VaadinServletService service = new VaadinServletService(this, deploymentConfiguration) {
            private static final long serialVersionUID = 1L;

            @Override
            protected List<RequestHandler> createRequestHandlers() throws ServiceException {
                List<RequestHandler> handlers = super.createRequestHandlers();
                // Vaadin asks the handlers in the reverse order of this list: the last one added runs first
                handlers.add(new SignInCheck(users));
                return handlers;
            }
        };
        service.init();
        return service;
    }

    ShellServices services() {
        return new ShellServices(contributions, users, customers, () -> modules, clock, config.sessionTimeoutMinutes());
    }

    @Override
    protected void servletInitialized() throws ServletException {
        super.servletInitialized();
        // Vaadin's own messages (session ended, server unreachable, internal error) in the user's language
        getService().setSystemMessagesProvider(info -> {
            Messages msg = Messages.of(CrmServlet.class, CrmUI.MESSAGES, info.getLocale());
            CustomizedSystemMessages m = new CustomizedSystemMessages();
            m.setSessionExpiredCaption(msg.get("system.sessionExpired.caption"));
            m.setSessionExpiredMessage(msg.get("system.sessionExpired.message"));
            m.setCommunicationErrorCaption(msg.get("system.communicationError.caption"));
            m.setCommunicationErrorMessage(msg.get("system.communicationError.message"));
            m.setInternalErrorCaption(msg.get("system.internalError.caption"));
            m.setInternalErrorMessage(msg.get("system.internalError.message"));
            m.setAuthenticationErrorCaption(msg.get("system.authenticationError.caption"));
            m.setAuthenticationErrorMessage(msg.get("system.authenticationError.message"));
            m.setCookiesDisabledCaption(msg.get("system.cookiesDisabled.caption"));
            m.setCookiesDisabledMessage(msg.get("system.cookiesDisabled.message"));
            return m;
        });
        getService().addSessionInitListener(event -> event.getSession().addBootstrapListener(UiSecurityHeaders.scriptNonces(config.contentSecurityPolicy())));
        getService().addSessionInitListener(event -> event.getSession().addUIProvider(new UIProvider() {
            private static final long serialVersionUID = 1L;

            @Override
            public Class<? extends UI> getUIClass(UIClassSelectionEvent e) {
                return CrmUI.class;
            }

            @Override
            public UI createInstance(UICreateEvent e) {
                return new CrmUI(services());
            }
        }));
    }
}
