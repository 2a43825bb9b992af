--quiet
import
@DATA@/ambtelijke-fusies
---
datasets
--format
csv
