"""The base of the errors an action raises for the person who tried it."""


class RefusedAction(Exception):
    """A step that cannot be taken. `message` (German, translated lazily)
    is for the person; subclasses set their own, and a raise may give a
    more particular one."""

    message = ""

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))
