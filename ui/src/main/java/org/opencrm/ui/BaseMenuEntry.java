package org.opencrm.ui;

import java.util.Locale;
import java.util.function.Function;

import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;

/**
 * A menu entry and its view. Register a subclass as a DS component with {@code service = NavigationEntry.class}:
 *
 * <pre>
 * &#64;Component(service = NavigationEntry.class)
 * public class OrdersEntry extends BaseMenuEntry {
 *     &#64;Activate
 *     public OrdersEntry(&#64;Reference OrderService orders) {
 *         super("orders", "sales", 10, "orders.read", OrdersUi::messages, "menu.orders", c -&gt; new OrdersView(orders, c));
 *     }
 * }
 * </pre>
 *
 * A view that opens one record for a deep link ({@code #!orders/12}) implements {@link DeepLinked}.
 */
public abstract non-sealed class BaseMenuEntry extends BaseContribution implements NavigationEntry {
    private final String group;

    /** An entry whose view the factory creates for each session. */
    protected BaseMenuEntry(String id, String group, int order, String permission, Function<Locale, Messages> messages, String labelKey,
            Function<UiContext, ?> view) {
        super(id, order, permission, messages, labelKey, view == null ? null : (context, none) -> view.apply(context));
        this.group = group;
    }

    /** An entry that overrides {@link #createView}. */
    protected BaseMenuEntry(String id, String group, int order, String permission, Function<Locale, Messages> messages, String labelKey) {
        this(id, group, order, permission, messages, labelKey, null);
    }

    @Override
    public final String group() {
        return group;
    }

    @Override
    public Object createView(UiContext context) {
        return fromFactory(context, null, "createView");
    }

    /** Hands a deep link's parameters (stripped, "" for the bare entry) to a {@link DeepLinked} view. */
    @Override
    public void enter(Object view, String parameters) {
        if (view instanceof DeepLinked linked) {
            linked.show(parameters == null ? "" : parameters.strip());
        }
    }

    /** A view that shows its list for "" and one record for a deep link's parameter. */
    public interface DeepLinked {
        void show(String parameters);
    }
}
