"""Use cases of the ledger, one mixin per area; :class:`commands.ledger.Ledger` combines them."""
