--quiet
import
@TESTS@/fixtures/bundle/partners
---
partners
GM0000
--all
