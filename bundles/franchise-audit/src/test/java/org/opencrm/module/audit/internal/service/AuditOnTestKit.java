package org.opencrm.module.audit.internal.service;

import static org.opencrm.module.audit.internal.FranchiseAuditNames.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.opencrm.platform.api.sales.StoreSalesFigures;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.testing.InMemoryJpa;
import org.opencrm.platform.testkit.CrmTestKit;

/** The module's services wired as AuditRuntime wires them, on the test kit (the real core on an in-memory Derby). */
final class AuditOnTestKit implements AutoCloseable {
    final CrmTestKit kit = new CrmTestKit();
    final InMemoryJpa jpa = kit.jpa(PERSISTENCE_UNIT);
    AuditSettings settings = AuditSettings.DEFAULT;
    final List<StoreSalesFigures> sales = new ArrayList<>();
    final StoreAccess access = new StoreAccess(jpa, kit.scopes());
    final TemplateService templates = new TemplateService(jpa, kit.audit(), kit.events(), kit.clock());
    final PlanService plans = new PlanService(jpa, access, kit.directory(), kit.audit(), kit.clock());
    final ActionService actions = new ActionService(jpa, access, kit.audit(), kit.timeline(), kit.events(), kit.clock(), () -> settings);
    final AuditService audits = new AuditService(jpa, access, kit.directory(), kit.audit(), kit.timeline(), kit.events(), kit.clock(), templates,
            actions, () -> settings);
    final ResultsService results = new ResultsService(jpa, access, kit.clock(), () -> List.copyOf(sales));
    final DemoAudits demo = new DemoAudits(jpa, kit.audit(), kit.clock(), () -> settings, templates);
    final AuditBenchData bench = new AuditBenchData(jpa, kit.directory(), templates, kit.audit(), kit.clock(), () -> settings);

    final long partner;
    final long storeA;
    final long storeB;
    final CrmUser hq;
    final CrmUser supervisor;
    final CrmUser franchiseeA;
    final CrmUser franchiseeB;

    AuditOnTestKit() {
        templates.ensureDefaults();
        partner = kit.account("华南加盟商", "FRANCHISEE", "SOUTH", null);
        storeA = kit.account("南山店", "STORE", null, partner);
        long otherPartner = kit.account("华北加盟商", "FRANCHISEE", "NORTH", null);
        storeB = kit.account("朝阳店", "STORE", null, otherPartner);
        hq = kit.hq("hq", READ, PERFORM, VERIFY, TEMPLATE, ADMIN);
        // a supervisor's own data scope holds no store: the plans assign them theirs
        supervisor = kit.region("sup", "NONE", READ, PERFORM, VERIFY);
        franchiseeA = kit.partner("fa", partner, READ);
        franchiseeB = kit.partner("fb", otherPartner, READ);
    }

    static byte[] png(int w, int h) {
        return image(w, h, "png");
    }

    static byte[] jpeg(int w, int h) {
        return image(w, h, "jpg");
    }

    private static byte[] image(int w, int h, String format) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            img.setRGB(x, x % h, 0xCC2200);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        kit.close();
    }
}
