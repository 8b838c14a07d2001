package org.opencrm.platform.core.internal.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.core.internal.dto.AccountData;
import org.opencrm.platform.core.internal.dto.ActivityData;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.model.AccountType;
import org.opencrm.platform.core.internal.model.Gender;
import org.opencrm.platform.core.internal.service.AccountService;
import org.opencrm.platform.core.internal.service.ActivityService;
import org.opencrm.platform.core.internal.service.ContactService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Loads the demo data set through the ordinary services, so the demo data is validated, audited and on the
 * timeline exactly like data a user enters.
 */
@Component(service = DemoDataLoader.class)
public class DemoDataLoader {
    private final AccountService accounts;
    private final ContactService contacts;
    private final ActivityService activities;

    public record Result(int accounts, int contacts, int households, int activities) {
    }

    @Activate
    public DemoDataLoader(@Reference AccountService accounts, @Reference ContactService contacts, @Reference ActivityService activities) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.activities = activities;
    }

    public Result load(CrmUser user, int contactCount, long seed) {
        user.require("core.demo.load");
        DemoDataSet data = new DemoDataSet(seed);
        List<DemoDataSet.AccountSeed> accountSeeds = data.accounts();
        String root = accountSeeds.get(0).name();
        if (accounts.search(user, PageRequest.of(root, 0, 1), null, null).total() > 0) {
            throw new ConflictException("duplicate", null, "the demo data (seed " + seed + ") is already loaded: account '" + root + "' exists", "demo.alreadyLoaded", seed, root);
        }
        Map<String, Long> accountIds = new HashMap<>();
        for (DemoDataSet.AccountSeed a : accountSeeds) {
            AccountData created = accounts.create(user, new AccountData(null, a.name(), AccountType.valueOf(a.type()),
                    a.parentKey() == null ? null : accountIds.get(a.parentKey()), a.region(), a.province(), a.city(), null, null, null,
                    null, null, null, null, null, null, null, null));
            accountIds.put(a.key(), created.id());
        }
        Map<String, Long> households = new HashMap<>();
        Map<Integer, Long> contactIds = new HashMap<>();
        for (int i = 0; i < contactCount; i++) {
            DemoDataSet.ContactSeed c = data.contact(i);
            Long household = null;
            if (c.householdKey() != null) {
                Long account = c.accountKey() == null ? null : accountIds.get(c.accountKey());
                household = households.computeIfAbsent(c.householdKey(),
                        k -> contacts.createHousehold(user, c.name().substring(0, 1) + "家", account).id);
            }
            ContactData created = contacts.create(user, new ContactData(null, c.name(), c.mobile(), List.of(), c.email(),
                    Gender.valueOf(c.gender()), c.birthday(), c.province(), c.city(), c.district(), null, c.street(), c.tags(), null,
                    null, c.accountKey() == null ? null : accountIds.get(c.accountKey()), household, null, null, null, null,
                    null, null));
            contactIds.put(i, created.id());
        }
        int activityCount = 0;
        for (DemoDataSet.ActivitySeed a : data.activities(contactCount)) {
            activities.create(user, new ActivityData(null, a.type(), a.subject(), null, a.dueDate(), a.status(), null,
                    contactIds.get(a.contactIndex()), null, null, null, null, null));
            activityCount++;
        }
        return new Result(accountIds.size(), contactCount, households.size(), activityCount);
    }
}
