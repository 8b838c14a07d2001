package org.opencrm.module.handset.internal.shell;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.api.WarrantyCheck;
import org.opencrm.module.handset.api.WarrantyService;

@Command(scope = "handset", name = "warranty", description = "Is a handset (or one of its accessories) in warranty on a day, until when, and why not")
@Service
public class WarrantyCommand implements Action {
    @Reference
    WarrantyService warranty;

    @Argument(index = 0, name = "imei", required = true, description = "the IMEI (either slot of a dual-SIM unit)")
    String imei;

    @Argument(index = 1, name = "date", required = false, description = "yyyy-MM-dd, default today")
    String date;

    @Option(name = "--accessory", description = "BATTERY, CHARGER or WIRED_HEADSET instead of the handset")
    AccessoryType accessory;

    @Override
    public Object execute() {
        WarrantyCheck c = warranty.check(imei, date == null ? null : LocalDate.parse(date), accessory);
        String what = (c.accessory() == null ? "handset" : c.accessory().name().toLowerCase()) + " " + c.imei()
                + (c.modelCode() == null ? "" : " (" + c.modelCode() + ", " + c.status() + ")");
        if (c.inWarranty()) {
            System.out.println("IN WARRANTY on " + c.date() + ": " + what + ", covered " + c.from() + " to " + c.until());
        } else {
            System.out.println("NOT in warranty on " + c.date() + ": " + what + ": " + c.reason()
                    + (c.until() == null ? "" : " (covered " + c.from() + " to " + c.until() + ")"));
        }
        return null;
    }
}
