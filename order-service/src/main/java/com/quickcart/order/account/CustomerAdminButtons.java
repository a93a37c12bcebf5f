package com.quickcart.order.account;

import com.quickcart.order.account.UserAccounts.UserProfile.Role;
import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** The operator's view of a customer: find, change role, ban and unban. */
public final class CustomerAdminButtons {

    @ButtonData("cu")
    public record FindCustomer() implements Button {
    }

    @ButtonData("cu:{userId}")
    public record CustomerCard(long userId) implements Button {
    }

    @ButtonData("cu:role:{userId}:{role}")
    public record SetRole(long userId, Role role) implements Button {
    }

    @ButtonData("cu:ban:{userId}")
    public record Ban(long userId) implements Button {
    }

    @ButtonData("cu:unban:{userId}")
    public record Unban(long userId) implements Button {
    }

    @ButtonData("cu:adj:{userId}")
    public record AdjustBalance(long userId) implements Button {
    }

    private CustomerAdminButtons() {
    }
}
