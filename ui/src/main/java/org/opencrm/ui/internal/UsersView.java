package org.opencrm.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.opencrm.platform.api.security.NewUser;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.security.UserAccount;
import org.opencrm.platform.api.security.UserChange;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.region.Region;
import org.opencrm.platform.api.region.Regions;
import org.opencrm.platform.api.security.UserService;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.RecordPicker;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBoxGroup;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.PasswordField;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/** Users with their roles and data scope; create users, enable and disable them. */
final class UsersView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final String MANAGE = "platform.users.manage";
    private final transient UserService users;
    private final transient CustomerDirectory customers;
    private final UiContext context;
    private final transient Regions regions;
    private final Messages msg;
    private final Grid<UserAccount> grid = new Grid<>();

    UsersView(UserService users, CustomerDirectory customers, Regions regions, UiContext context) {
        this.users = users;
        this.regions = regions;
        this.customers = customers;
        this.context = context;
        this.msg = Messages.of(UsersView.class, CrmUI.MESSAGES, context.locale());
        setMargin(false);
        setId("users-view");
        Label title = new Label(msg.get("menu.admin.users"));
        title.addStyleName(ValoTheme.LABEL_H2);
        Button create = new Button(msg.get("users.new"), e -> openForm(null));
        create.setId("users-new");
        create.addStyleName(ValoTheme.BUTTON_PRIMARY);
        create.setVisible(context.user().hasPermission(MANAGE));

        grid.setWidth("100%");
        grid.addColumn(UserAccount::username).setCaption(msg.get("users.username"));
        grid.addColumn(u -> u.displayName() == null ? "" : u.displayName()).setCaption(msg.get("users.displayName"));
        grid.addColumn(u -> String.join(", ", new TreeSet<>(u.roles()))).setCaption(msg.get("users.roles"));
        grid.addColumn(this::scopeText).setCaption(msg.get("users.scope"));
        grid.addColumn(u -> msg.get(u.enabled() ? "users.enabled" : "users.disabled")).setCaption(msg.get("users.status"));
        grid.addComponentColumn(this::edit).setCaption("");
        grid.addComponentColumn(this::toggle).setCaption("");
        addComponents(title, create, grid);
        refresh();
    }

    private String scopeText(UserAccount u) {
        String type = msg.label("scope", u.scopeType());
        return switch (u.scopeType()) {
            case REGION -> type + " " + regions.name(u.region(), context.locale());
            case PARTNER, STORE -> type + " " + org.opencrm.ui.RecordNames.account(customers, context.user(), u.accountId());
            default -> type;
        };
    }

    private Button edit(UserAccount u) {
        Button b = new Button(msg.get("users.edit"), e -> openForm(u));
        b.setId("user-edit-" + u.username());
        b.addStyleName(ValoTheme.BUTTON_SMALL);
        b.setVisible(context.user().hasPermission(MANAGE));
        return b;
    }

    private Button toggle(UserAccount u) {
        Button b = new Button(msg.get(u.enabled() ? "users.disable" : "users.enable"));
        b.addStyleName(ValoTheme.BUTTON_SMALL);
        b.setVisible(context.user().hasPermission(MANAGE) && !u.username().equals(context.user().username()));
        b.addClickListener(e -> {
            try {
                users.setEnabled(context.user(), u.username(), !u.enabled());
                Feedback.done(msg.get(u.enabled() ? "users.disabledDone" : "users.enabledDone", u.username()));
                refresh();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, Map.of());
            }
        });
        return b;
    }

    /** Creates a user ({@code existing} null) or changes an existing user's roles, scope and display name. */
    private void openForm(UserAccount existing) {
        Window window = new Window(existing == null ? msg.get("users.new") : msg.get("users.editTitle", existing.username()));
        window.setModal(true);
        window.setWidth("480px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        TextField username = new TextField(msg.get("users.username"));
        username.setId("user-username");
        TextField displayName = new TextField(msg.get("users.displayName"));
        displayName.setId("user-display-name");
        PasswordField password = new PasswordField(msg.get("users.password"));
        password.setId("user-password");
        CheckBoxGroup<String> roles = new CheckBoxGroup<>(msg.get("users.roles"), new TreeSet<>(users.roles().keySet()));
        roles.setId("user-roles");
        ComboBox<ScopeType> scope = new ComboBox<>(msg.get("users.scope"), java.util.List.of(ScopeType.values()));
        scope.setId("user-scope");
        scope.setItemCaptionGenerator(s -> msg.label("scope", s));
        scope.setEmptySelectionAllowed(false);
        scope.setValue(ScopeType.HQ);
        List<String> regionCodes = new java.util.ArrayList<>(regions.all().stream().map(Region::code).toList());
        if (existing != null && existing.region() != null && !regionCodes.contains(existing.region())) {
            regionCodes.add(existing.region());
        }
        ComboBox<String> region = new ComboBox<>(msg.get("users.region"), regionCodes);
        region.setItemCaptionGenerator(code -> regions.name(code, context.locale()));
        region.setId("user-region");
        RecordPicker<Long> accountId = Pickers.account(customers, context, msg.get("users.accountId"), "user-account");
        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            password.setVisible(false);
            displayName.setValue(existing.displayName() == null ? "" : existing.displayName());
            roles.setValue(new TreeSet<>(existing.roles()));
            scope.setValue(existing.scopeType());
            region.setValue(existing.region());
            accountId.setValue(existing.accountId());
        }
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("displayName", displayName);
        fields.put("password", password);
        fields.put("roles", roles);
        fields.put("scopeType", scope);
        fields.put("region", region);
        fields.put("accountId", accountId);
        Button save = new Button(msg.get("action.save"), e -> {
            Long account = accountId.getValue();
            try {
                Set<String> chosen = roles.getValue();
                String regionValue = region.getValue();
                if (existing == null) {
                    users.create(context.user(), new NewUser(username.getValue().trim(), password.getValue(), displayName.getValue(),
                            chosen, scope.getValue(), regionValue, account));
                } else {
                    users.update(context.user(), existing.username(), new UserChange(displayName.getValue(), chosen, scope.getValue(), regionValue, account));
                }
                window.close();
                Feedback.done(msg.get(existing == null ? "users.created" : "users.updated", username.getValue().trim()));
                refresh();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields);
            }
        });
        save.setId("user-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(username, displayName, password, roles, scope, region, accountId, save);
        window.setContent(form);
        UI.getCurrent().addWindow(window);
    }

    private void refresh() {
        grid.setItems(users.list());
    }
}
