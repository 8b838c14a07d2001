package org.opencrm.ui;

import java.util.List;
import java.util.Locale;

import org.opencrm.platform.api.ui.TimelineTypes;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@link TimelineTypes} from a module's UI resource bundle: type {@code X} is key {@code timeline.type.X}, a title recorded
 * with key {@code K} is the text of {@code K} (en and zh_CN, checked complete by the translations test). A module
 * registers a subclass as a DS component.
 */
@ConsumerType
public abstract class BundleTimelineTypes implements TimelineTypes {
    private final String moduleId;
    private final Class<?> anchor;
    private final String baseName;

    /** {@code anchor}: a class of the module, whose class loader finds {@code baseName}. */
    protected BundleTimelineTypes(String moduleId, Class<?> anchor, String baseName) {
        this.moduleId = moduleId;
        this.anchor = anchor;
        this.baseName = baseName;
    }

    @Override
    public String moduleId() {
        return moduleId;
    }

    @Override
    public String label(String type, Locale locale) {
        Messages msg = Messages.of(anchor, baseName, locale);
        String key = "timeline.type." + type;
        return msg.has(key) ? msg.get(key) : null;
    }

    /** A value {@code @k} is itself the text {@code k} of the bundle (an enum's name, e.g. {@code @tier.GOLD}), else {@code k}. */
    @Override
    public String title(String key, List<String> args, Locale locale) {
        Messages msg = Messages.of(anchor, baseName, locale);
        if (!msg.has(key)) {
            return null;
        }
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            String a = args.get(i);
            values[i] = a.startsWith("@") ? msg.has(a.substring(1)) ? msg.get(a.substring(1)) : a.substring(1) : a;
        }
        return msg.get(key, values);
    }
}
