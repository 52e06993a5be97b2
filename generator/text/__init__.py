"""Text the content carries: inline Markdown and the link targets let into the outputs."""
