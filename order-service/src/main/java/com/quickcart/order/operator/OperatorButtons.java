package com.quickcart.order.operator;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** The operator menu and staff management (owners only). */
public final class OperatorButtons {

    @ButtonData("adm")
    public record OperatorMenu() implements Button {
    }

    @ButtonData("adm:staff")
    public record StaffList() implements Button {
    }

    @ButtonData("adm:staff:add")
    public record AddStaff() implements Button {
    }

    @ButtonData("adm:staff:{userId}")
    public record StaffMember(long userId) implements Button {
    }

    @ButtonData("adm:perm:{userId}:{permission}")
    public record TogglePermission(long userId, Permission permission) implements Button {
    }

    @ButtonData("adm:rm:{userId}")
    public record RemoveStaff(long userId) implements Button {
    }

    /** One page of the trail; {@code who} 0 is everyone, else the operator or customer it concerns. */
    @ButtonData("adm:audit:{who}:{page}")
    public record AuditPage(long who, int page) implements Button {
    }

    @ButtonData("adm:auditwho")
    public record FilterAudit() implements Button {
    }

    /** The whole (filtered) trail as a CSV file. */
    @ButtonData("adm:auditcsv:{who}")
    public record ExportAudit(long who) implements Button {
    }

    private OperatorButtons() {
    }
}
