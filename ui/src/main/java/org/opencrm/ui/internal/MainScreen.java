package org.opencrm.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.ui.DashboardWidget;
import org.opencrm.platform.api.ui.HeaderSearch;
import org.opencrm.platform.api.ui.PendingWork;
import org.opencrm.platform.api.ui.SearchHit;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;

import com.vaadin.navigator.Navigator;
import com.vaadin.navigator.View;
import com.vaadin.navigator.ViewProvider;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Component;
import com.vaadin.ui.CssLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Panel;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The signed-in screen: the menu built only from the navigation entries of active modules, a top bar, and the
 * view area. Views are addressed by URL fragment: {@code #!<entry id>}, {@code #!contact/<id>}, {@code #!account/<id>}.
 * The layout is CSS ({@link ShellStyles}): the menu scrolls on its own; the button at the left of the top bar collapses
 * it (wide screens) or opens it as a drawer over the page (below tablet width, where it starts closed and closes again
 * when an entry is chosen).
 */
final class MainScreen extends CssLayout {
    private static final long serialVersionUID = 1L;
    static final String HOME = "dashboard";

    private final CrmUI ui;
    private final Messages msg;
    private final CrmUser user;
    private final CssLayout menu = new CssLayout();
    private final Panel content = new Panel();
    private final Map<String, Button> menuButtons = new LinkedHashMap<>();
    private final Map<String, String> labels = new java.util.HashMap<>();
    private Navigator navigator;
    private View current;

    MainScreen(CrmUI ui) {
        this.ui = ui;
        this.msg = ui.messages();
        this.user = CrmSession.user().orElseThrow();
        setSizeFull();
        addStyleName("crm-shell");
        menu.addStyleName("crm-menu");
        menu.setId("menu");
        menu.setHeight("100%");

        HorizontalLayout topbar = new HorizontalLayout();
        topbar.addStyleName("crm-topbar");
        topbar.setWidth("100%");
        Button toggle = new Button("\u2630", e -> toggleMenu());
        toggle.setId("menu-toggle");
        toggle.setDescription(msg.get("top.menu"));
        toggle.addStyleNames(ValoTheme.BUTTON_BORDERLESS, "crm-menu-toggle");
        Label who = new Label(msg.get("top.signedInAs", user.username()));
        who.setId("signed-in-user");
        who.addStyleName("crm-who");
        ComboBox<SearchHit> search = headerSearch();
        Button logout = new Button(msg.get("top.logout"), e -> ui.signOut());
        logout.setId("logout");
        logout.addStyleName(ValoTheme.BUTTON_SMALL);
        HorizontalLayout right = new HorizontalLayout(new LanguageSwitch(ui), logout);
        topbar.addComponents(toggle, search, who, right);
        topbar.setDefaultComponentAlignment(com.vaadin.ui.Alignment.MIDDLE_LEFT);
        topbar.setComponentAlignment(who, com.vaadin.ui.Alignment.MIDDLE_LEFT);
        topbar.setExpandRatio(search, 1);

        content.setSizeFull();
        content.addStyleName(ValoTheme.PANEL_BORDERLESS);
        VerticalLayout main = new VerticalLayout(topbar, content);
        main.setSizeFull();
        main.setMargin(false);
        main.setSpacing(false);
        main.setExpandRatio(content, 1);
        main.addStyleName("crm-main");

        addComponents(menu, main);
    }

    /**
     * The header search: what the user types (2 characters or more) goes to every module's {@link HeaderSearch}; the
     * hits are listed under each search's label, and choosing one opens its page. A search that fails is left out.
     */
    private ComboBox<SearchHit> headerSearch() {
        ComboBox<SearchHit> box = new ComboBox<>();
        box.setId("header-search");
        box.addStyleName("crm-header-search");
        box.setWidth("100%");
        box.setPlaceholder(msg.get("top.search"));
        box.setPopupWidth(null);
        java.util.Map<SearchHit, String> kinds = new java.util.HashMap<>();
        String[] lastText = { null };
        List<SearchHit>[] lastHits = new List[] { List.of() };
        java.util.function.Function<String, List<SearchHit>> hits = text -> {
            String t = text == null ? "" : text.strip();
            if (t.equals(lastText[0])) {
                return lastHits[0];
            }
            List<SearchHit> found = new java.util.ArrayList<>();
            if (t.length() >= 2) {
                UiContext context = CrmSession.context();
                for (HeaderSearch s : ui.services().contributions().searches()) {
                    try {
                        for (SearchHit h : s.search(context, t, 8)) {
                            found.add(h);
                            kinds.put(h, s.label(msg.locale()));
                        }
                    } catch (RuntimeException e) {
                        // a module's search that fails (or went away meanwhile) is left out; the others still answer
                    }
                }
            }
            lastText[0] = t;
            lastHits[0] = found;
            return found;
        };
        box.setDataProvider((String filter, int offset, int limit) -> hits.apply(filter).stream().skip(offset).limit(limit),
                filter -> hits.apply(filter).size());
        box.setItemCaptionGenerator(h -> kinds.getOrDefault(h, "") + " · " + h.title() + (h.detail() == null || h.detail().isBlank() ? "" : " · " + h.detail()));
        box.addValueChangeListener(e -> {
            if (e.isUserOriginated() && e.getValue() != null) {
                String target = e.getValue().target();
                box.clear();
                lastText[0] = null;
                closeDrawer();
                navigator.navigateTo(target);
            }
        });
        return box;
    }

    /** The menu entries' badges: how much work waits for the user behind each (modules' {@link PendingWork}). */
    private void refreshBadges() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        UiContext context = CrmSession.context();
        for (PendingWork w : ui.services().contributions().pendingWork()) {
            try {
                long n = w.count(context);
                if (n > 0) {
                    counts.merge(w.entryId(), n, Long::sum);
                }
            } catch (RuntimeException e) {
                // no badge rather than no menu
            }
        }
        menuButtons.forEach((id, b) -> {
            Long n = counts.get(id);
            String label = labels.get(id);
            String html = escape(label == null ? id : label);
            b.setCaption(n == null ? html : html + " <span class=\"crm-badge\" id=\"badge-" + escape(id) + "\">" + (n > 99 ? "99+" : n) + "</span>");
        });
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Collapses or brings back the menu (wide screens); opens or closes the drawer (narrow screens). */
    private void toggleMenu() {
        if (getStyleName().contains("crm-menu-toggled")) {
            removeStyleName("crm-menu-toggled");
        } else {
            addStyleName("crm-menu-toggled");
        }
    }

    /** On a narrow screen the drawer closes once an entry is chosen (on a wide one the menu stays as it is). */
    private void closeDrawer() {
        if (ui.getPage().getBrowserWindowWidth() > 0 && ui.getPage().getBrowserWindowWidth() < 768) {
            removeStyleName("crm-menu-toggled");
        }
    }

    /** Wires the navigator once the screen is the UI's content. */
    void start() {
        navigator = new Navigator(ui, view -> {
            Component c = view.getViewComponent();
            VerticalLayout wrapper = new VerticalLayout(c);
            wrapper.addStyleName("crm-content");
            wrapper.setMargin(false);
            content.setContent(wrapper);
        });
        navigator.addProvider(new Views());
        navigator.setErrorView(new NotFoundView(msg));
        navigator.addViewChangeListener(e -> {
            current = e.getNewView();
            highlight(e.getViewName());
            refreshBadges();
            return true;
        });
        buildMenu();
        navigator.navigateTo(navigator.getState());
    }

    private void buildMenu() {
        menu.removeAllComponents();
        menuButtons.clear();
        labels.clear();
        Label brand = new Label("OpenCRM");
        brand.addStyleName("crm-brand");
        menu.addComponent(brand);
        String group = null;
        for (NavigationEntry entry : sortedByGroup(ui.services().contributions().navigation(user))) {
            if (!entry.group().equals(group)) {
                group = entry.group();
                // the brand heads the home group; the others get a caption
                if (!group.equals("home")) {
                    String key = "menu.group." + group;
                    Label g = new Label(msg.has(key) ? msg.get(key) : group);
                    g.addStyleName("crm-group");
                    menu.addComponent(g);
                }
            }
            labels.put(entry.id(), entry.label(msg.locale()));
            Button b = new Button(escape(entry.label(msg.locale())), e -> {
                closeDrawer();
                navigator.navigateTo(entry.id());
            });
            b.setId("menu-" + entry.id());
            b.addStyleName("crm-menu-item");
            b.setCaptionAsHtml(true);
            menu.addComponent(b);
            menuButtons.put(entry.id(), b);
        }
        if (navigator != null && navigator.getState() != null) {
            highlight(navigator.getState());
        }
        refreshBadges();
    }

    /** Groups in a fixed order (home, customers, sales, service, membership, reports, then others, admin last). */
    private static List<NavigationEntry> sortedByGroup(List<NavigationEntry> entries) {
        List<String> order = List.of("home", "customers", "sales", "service", "channel", "membership", "reports");
        return entries.stream().sorted(java.util.Comparator
                .comparingInt((NavigationEntry e) -> e.group().equals("admin") ? 1000 : order.contains(e.group()) ? order.indexOf(e.group()) : 500)
                .thenComparing(NavigationEntry::group)).toList();
    }

    private void highlight(String state) {
        String viewName = state == null ? "" : state.split("/", 2)[0];
        menuButtons.forEach((id, b) -> {
            if (id.equals(viewName)) {
                b.addStyleName("crm-selected");
            } else {
                b.removeStyleName("crm-selected");
            }
        });
    }

    /** A module came or went: rebuild the menu; close its open view; refresh record tabs and the dashboard. */
    void contributionsChanged(Contributions.Change change) {
        buildMenu();
        if (change.contribution() instanceof NavigationEntry entry && !change.added()
                && current instanceof ContributedView cv && cv.entry() == entry) {
            // its dialogs go with it (a form of a module that is gone could not be saved anyway); the user is told
            // that the page closed and that what was typed there is lost
            for (com.vaadin.ui.Window w : List.copyOf(ui.getWindows())) {
                ui.removeWindow(w);
            }
            navigator.navigateTo(HOME);
            Feedback.error(msg.get("module.viewClosed", entry.label(msg.locale())));
        } else if (change.contribution() instanceof RecordTab && current instanceof RecordPage page) {
            page.refreshTabs();
        } else if (change.contribution() instanceof DashboardWidget && current instanceof ContributedView cv
                && cv.getViewComponent() instanceof DashboardView dashboard) {
            dashboard.refresh();
        }
    }

    /** Resolves URL fragments to views: record pages and the views of visible navigation entries. */
    private final class Views implements ViewProvider {
        private static final long serialVersionUID = 1L;

        @Override
        public String getViewName(String state) {
            String name = state == null || state.isEmpty() ? HOME : state.split("/", 2)[0];
            if (name.equals(RecordPage.CONTACT) || name.equals(RecordPage.ACCOUNT)) {
                return name;
            }
            return entry(name) != null ? name : null;
        }

        @Override
        public View getView(String viewName) {
            UiContext context = CrmSession.context();
            if (viewName.equals(RecordPage.CONTACT) || viewName.equals(RecordPage.ACCOUNT)) {
                return new RecordPage(ui, viewName);
            }
            NavigationEntry entry = entry(viewName);
            return entry == null ? null : new ContributedView(entry, (Component) entry.createView(context));
        }

        private NavigationEntry entry(String id) {
            return ui.services().contributions().navigation(user).stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
        }
    }
}
