"""placeholder: a template uses only the placeholders its project declares (`variables`,
set from the configuration). A declared name covers its attributes: `customer` covers
`customer.first_name`. With nothing declared the rule has nothing to compare with."""

from ..rule import Rule


class Placeholder(Rule):
    FIELDS = {"variables": list}

    def compile(self, fields):
        variables = fields.get("variables") or []
        if not all(isinstance(v, str) for v in variables):
            raise self.definition.error("variables must be a list of names", "variables")
        self.variables = set(variables)

    def check(self, reply, matches):
        if not self.variables:
            return
        for placeholder in reply.placeholders:
            if not self._declared(placeholder.name):
                yield self.violation(reply, (placeholder.start, placeholder.end), placeholder.name)

    def _declared(self, name: str) -> bool:
        parts = name.split(".")
        return any(".".join(parts[:length]) in self.variables for length in range(1, len(parts) + 1))
