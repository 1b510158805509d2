"""Refusals written for the person who caused them."""


class UserError(Exception):
    """A refusal whose message is translated and shown to the user as it is.

    Each domain raises its own subclass; views catch them to show the message
    next to the form instead of answering with a server error.
    """
