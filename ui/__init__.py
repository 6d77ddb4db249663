"""ShopCRM's Qt face: the main window, its pages and dialogs. No SQL and no business rules here."""

from shopcrm.old_paths import keep

keep(
    {
        "ui.counter_messages": "ui.counter.messages",
        "ui.counter_results": "ui.counter.results",
        "ui.counter_search": "ui.counter.search",
        "ui.customer_panel": "ui.counter.customer_panel",
        "ui.customers_model": "ui.customers.model",
        "ui.customers_page": "ui.customers.page",
        "ui.gift_voucher_note": "ui.counter.gift_voucher_note",
        "ui.opening_balance": "ui.counter.opening_balance",
        "ui.reward_list": "ui.counter.reward_list",
        "ui.rewards_model": "ui.rewards.model",
        "ui.rewards_page": "ui.rewards.page",
        "ui.rule_form": "ui.rewards.rule_form",
        "ui.sale_form": "ui.counter.sale",
        "ui.settings_page": "ui.settings.page",
        "ui.undo_banner": "ui.counter.undo_banner",
        "ui.voucher_dialogs": "ui.rewards.voucher_dialogs",
    }
)
