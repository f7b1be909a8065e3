"""LLM backends behind one small Protocol."""
