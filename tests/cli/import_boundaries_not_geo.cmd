import-boundaries
@TESTS@/fixtures/geo/not_geo.geojson
