package org.opencrm.ui.internal;

import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModulePackageService;
import org.opencrm.platform.api.module.ModuleService;
import org.opencrm.platform.api.module.ModuleState;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;

import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.ProgressBar;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Every CRM module with version, state, what it needs and why it failed; enable and disable run in the
 * background with a progress bar (the page polls until they finish), then the menu follows by itself.
 */
final class ModulesView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient ModuleService modules;
    private final UiContext context;
    private final Messages msg;
    private final Grid<ModuleInfo> grid = new Grid<>();
    private final ProgressBar progress = new ProgressBar();
    private final Label status = new Label();

    ModulesView(ModuleService modules, ModulePackageService packages, UiContext context) {
        this.modules = modules;
        this.context = context;
        this.msg = Messages.of(ModulesView.class, CrmUI.MESSAGES, context.locale());
        setMargin(false);
        setId("modules-view");
        Label title = new Label(msg.get("menu.admin.modules"));
        title.addStyleName(ValoTheme.LABEL_H2);
        Label help = new Label(msg.get("modules.help"));
        help.addStyleName("crm-muted");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        status.setId("modules-status");

        grid.setWidth("100%");
        grid.setHeightMode(com.vaadin.shared.ui.grid.HeightMode.UNDEFINED);
        grid.addColumn(this::name).setCaption(msg.get("modules.name"));
        grid.addColumn(ModuleInfo::id).setCaption(msg.get("modules.id"));
        grid.addColumn(ModuleInfo::version).setCaption(msg.get("modules.version"));
        grid.addColumn(m -> msg.label("modules.state", m.state())).setCaption(msg.get("modules.state")).setId("state");
        grid.addColumn(m -> String.join(", ", m.requires())).setCaption(msg.get("modules.requires"));
        grid.addColumn(m -> ModuleReasons.say(msg, m)).setCaption(msg.get("modules.reason"))
                .setDescriptionGenerator(m -> ModuleReasons.say(msg, m));
        grid.addComponentColumn(this::toggle).setCaption(msg.get("modules.action"));
        addComponents(title, help, progress, status);
        if (packages != null && context.user().hasPermission("platform.modules.manage")) {
            // the upload sits in a window opened on demand: Vaadin's Upload creates its form's iframe with a javascript:''
            // source, which the page's Content-Security-Policy refuses (harmless, but reported on every visit)
            Button install = new Button(msg.get("modules.package"), e -> {
                Window w = new Window(msg.get("modules.package"), new PackageUpload(packages, context, msg, this::refresh));
                w.setId("modules-package-window");
                w.setModal(true);
                w.setWidth("90%");
                UI.getCurrent().addWindow(w);
            });
            install.setId("modules-package-open");
            addComponent(install);
        }
        addComponent(grid);
        refresh();
    }

    private Button toggle(ModuleInfo m) {
        boolean on = m.state() != ModuleState.AVAILABLE;
        Button b = new Button(msg.get(on ? "modules.disable" : "modules.enable"));
        b.setId("module-toggle-" + m.id());
        b.addStyleName(ValoTheme.BUTTON_SMALL);
        if (!on) {
            b.addStyleName(ValoTheme.BUTTON_PRIMARY);
        }
        b.setEnabled(context.user().hasPermission("platform.modules.manage") && !progress.isVisible());
        // disabling takes the module away from every signed-in user at once: say so and ask first
        b.addClickListener(e -> {
            if (on) {
                org.opencrm.ui.Confirm.ask("module-disable-confirm", msg.get("modules.disable.confirmTitle", name(m)),
                        msg.get("modules.disable.confirmText", name(m)), msg.get("modules.disable.confirm"), () -> run(m, false));
            } else {
                run(m, true);
            }
        });
        return b;
    }

    private void run(ModuleInfo m, boolean enable) {
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        status.setValue(msg.get(enable ? "modules.enabling" : "modules.disabling", name(m)));
        refresh();
        ui.setPollInterval(300);
        Thread worker = new Thread(() -> {
            ModuleInfo result = null;
            RuntimeException failure = null;
            try {
                result = enable ? modules.enable(context.user(), m.id()) : modules.disable(context.user(), m.id());
            } catch (RuntimeException e) {
                failure = e;
            }
            ModuleInfo done = result;
            RuntimeException error = failure;
            ui.access(() -> {
                ui.setPollInterval(-1);
                progress.setVisible(false);
                if (error != null) {
                    String text = error instanceof CrmException ce ? Feedback.describe(ce, context.locale())
                            : Messages.of(Feedback.class, "org.opencrm.ui.feedback", context.locale()).get("feedback.unexpected");
                    status.setValue(text);
                    Feedback.error(text);
                } else if (done.state() == ModuleState.FAILED) {
                    status.setValue(msg.get("modules.failed", name(done), ModuleReasons.say(msg, done)));
                    Feedback.error(status.getValue());
                } else {
                    status.setValue(msg.get(enable ? "modules.enabled" : "modules.disabled", name(done)));
                    Feedback.done(status.getValue());
                }
                refresh();
            });
        }, "crm-ui-module-" + m.id());
        worker.setDaemon(true);
        worker.start();
    }

    private void refresh() {
        grid.setItems(modules.modules());
    }

    /** The shell translates the names of the modules it ships with; other modules show their feature's description. */
    private String name(ModuleInfo m) {
        return msg.has("module.name." + m.id()) ? msg.get("module.name." + m.id()) : m.name();
    }
}
