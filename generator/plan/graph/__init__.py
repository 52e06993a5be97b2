"""Node-and-edge diagrams laid out by dot, with boxes sized in the real font: pure values the emitters draw."""
