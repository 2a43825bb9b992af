// Includes one header of one layer (REGIONET_PROBE, set by check_layer.cmake), so
// the layers test can ask: does this target's include path reach that layer?
#include REGIONET_PROBE

int main() { return 0; }
