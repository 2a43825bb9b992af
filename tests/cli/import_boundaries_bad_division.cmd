import-boundaries
@TESTS@/fixtures/geo/municipalities.geojson
--division
veiligheidsregio
