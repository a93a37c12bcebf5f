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

    @ButtonData("adm:audit:{page}")
    public record AuditPage(int page) implements Button {
    }

    private OperatorButtons() {
    }
}
