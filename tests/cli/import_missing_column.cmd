import
@TESTS@/fixtures/bundle/missing_column
