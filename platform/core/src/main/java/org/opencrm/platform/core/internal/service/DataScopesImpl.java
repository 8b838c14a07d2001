package org.opencrm.platform.core.internal.service;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.core.internal.model.Account;
import org.opencrm.platform.core.internal.model.Contact;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The data-scope rule ({@link Scope}) for modules: every answer is read from the current account tree, nothing is kept. */
@Component(service = DataScopes.class)
public class DataScopesImpl implements DataScopes {
    private final JpaTemplate jpa;

    @Activate
    public DataScopesImpl(@Reference(target = "(osgi.unit.name=crm-core)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public boolean canSee(CrmUser user, Long accountId) {
        if (user.scope() == null || user.scope().isUnrestricted()) {
            return true; // HQ: no need to ask the database
        }
        return accountId != null && jpa.txExpr(TransactionType.Supports, em -> Scope.of(user, em).covers(em.find(Account.class, accountId)));
    }

    @Override
    public boolean canSeeContact(CrmUser user, long contactId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Contact c = em.find(Contact.class, contactId);
            return c != null && ContactService.canSee(user, em, c);
        });
    }

    @Override
    public ScopeFilter filter(CrmUser user) {
        if (user.scope() == null || user.scope().isUnrestricted()) {
            return ScopeFilter.unrestricted();
        }
        return jpa.txExpr(TransactionType.Supports, em -> Scope.of(user, em).filter(em));
    }
}
