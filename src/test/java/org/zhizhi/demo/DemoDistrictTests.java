package org.zhizhi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.zhizhi.demo.DemoDistrict.Node;
import org.zhizhi.territory.Boundaries;
import org.zhizhi.territory.OrgLevel;

/** The demo district has the seeds' figures, the same on every machine, and boundaries that obey the grid rules. */
class DemoDistrictTests {

	final List<Node> nodes = DemoDistrict.build();

	final Map<String, Node> byKey = nodes.stream().collect(Collectors.toMap(Node::key, Function.identity()));

	@Test
	void hasTheSeedsGridAndMicroGridCounts() {
		assertThat(children("dongcheng", OrgLevel.GRID)).hasSize(15);
		assertThat(grandchildren("dongcheng")).hasSize(76);
		assertThat(children("jinyinqiao", OrgLevel.GRID)).hasSize(9);
		assertThat(children("jinyinqiao", OrgLevel.GRID)).filteredOn(n -> "PARK".equals(n.kind())).hasSize(5);
		assertThat(grandchildren("jinyinqiao")).hasSize(63);
		assertThat(children("xiaxinxin", OrgLevel.GRID)).hasSize(7);
		assertThat(children("zoumaliang", OrgLevel.GRID)).hasSize(2);
	}

	@Test
	void hasTheSeedsPlaces() {
		assertThat(nodes).extracting(Node::name)
			.contains("巴南区", "木洞镇", "金银桥社区", "界石镇", "东城社区", "鱼洞街道", "下新新社区", "花溪街道", "走马梁社区", "龙洲湾街道",
					"龙锦社区", "南岸区", "花园路街道", "金鹤社区");
	}

	@Test
	void isTheSameOnEveryBuild() {
		assertThat(DemoDistrict.build()).isEqualTo(nodes);
	}

	@Test
	void codesAreUniqueAndFollowTheDivisionPattern() {
		assertThat(nodes).extracting(Node::code).doesNotHaveDuplicates();
		for (Node node : nodes) {
			if (node.level() == OrgLevel.GRID || node.level() == OrgLevel.MICRO_GRID) {
				assertThat(node.code()).startsWith(byKey.get(node.parentKey()).code());
			}
			else {
				assertThat(node.code()).matches("\\d{12}");
			}
		}
		assertThat(byKey.get("banan").code()).startsWith("500113");
	}

	@Test
	void gridsLieInsideTheirCommunityAndMicroGridsInsideTheirGridWithoutOverlap() {
		for (Node parent : nodes) {
			if (parent.level() != OrgLevel.COMMUNITY && parent.level() != OrgLevel.GRID) {
				continue;
			}
			Geometry parentShape = Boundaries.parse(parent.boundary());
			List<Node> kids = nodes.stream().filter(n -> parent.key().equals(n.parentKey())).toList();
			double area = 0;
			for (int i = 0; i < kids.size(); i++) {
				Geometry shape = Boundaries.parse(kids.get(i).boundary());
				assertThat(parentShape.buffer(1e-7).covers(shape)).as(kids.get(i).name() + " inside " + parent.name())
					.isTrue();
				for (int j = i + 1; j < kids.size(); j++) {
					Geometry other = Boundaries.parse(kids.get(j).boundary());
					assertThat(shape.intersection(other).getArea()).as(kids.get(i).name() + " vs " + kids.get(j).name())
						.isLessThan(1e-12);
				}
				area += shape.getArea();
			}
			// the children tile their parent: no gaps either
			assertThat(area).as("children of " + parent.name() + " cover it").isCloseTo(parentShape.getArea(),
					org.assertj.core.data.Percentage.withPercentage(0.01));
		}
	}

	@Test
	void boundariesAreNearTheRealPlaces() {
		Geometry dongcheng = Boundaries.parse(byKey.get("dongcheng").boundary());
		assertThat(dongcheng.getCentroid().getY()).isBetween(29.3, 29.5);
		assertThat(dongcheng.getCentroid().getX()).isBetween(106.5, 106.8);
	}

	private List<Node> children(String key, OrgLevel level) {
		return nodes.stream().filter(n -> key.equals(n.parentKey()) && n.level() == level).toList();
	}

	private List<Node> grandchildren(String key) {
		return nodes.stream()
			.filter(n -> n.level() == OrgLevel.MICRO_GRID && key.equals(byKey.get(n.parentKey()).parentKey()))
			.toList();
	}
}
