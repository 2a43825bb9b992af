--quiet
import
@DATA@/ambtelijke-fusies
---
congruence
--against
veiligheidsregio
