package org.zhizhi.people;

/** A resident's relation to the head of his household. */
public enum Relation {
	HEAD, SPOUSE, CHILD, PARENT, GRANDPARENT, GRANDCHILD, SIBLING, OTHER
}
